using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Models.Common;

namespace Dllm.Models.Dream;

/// <summary>
/// Dream (<c>DreamModel</c>, Qwen2.5 layout): q/k/v biases and grouped-query attention. Its logits at
/// position i predict the token at i+1; the model returns them unshifted and the Dream decoder shifts.
/// </summary>
public sealed class DreamFamily : IModelFamily
{
    public ModelFamily Family => ModelFamily.Dream;

    public string ModelType => "Dream";

    public string NumLayersKey => "num_hidden_layers";

    public TransformerConfig ParseConfig(JsonElement root, string file) => DreamConfig.FromJson(root, file).ToTransformerConfig();

    public TransformerWeightNames WeightNames { get; } = new(
        Embedding: "model.embed_tokens.weight",
        Layer: i => new LayerWeightNames(
            AttentionNorm: $"model.layers.{i}.input_layernorm.weight",
            Query: $"model.layers.{i}.self_attn.q_proj.weight",
            Key: $"model.layers.{i}.self_attn.k_proj.weight",
            Value: $"model.layers.{i}.self_attn.v_proj.weight",
            QueryBias: $"model.layers.{i}.self_attn.q_proj.bias",
            KeyBias: $"model.layers.{i}.self_attn.k_proj.bias",
            ValueBias: $"model.layers.{i}.self_attn.v_proj.bias",
            AttentionOutput: $"model.layers.{i}.self_attn.o_proj.weight",
            FeedForwardNorm: $"model.layers.{i}.post_attention_layernorm.weight",
            Gate: $"model.layers.{i}.mlp.gate_proj.weight",
            Up: $"model.layers.{i}.mlp.up_proj.weight",
            Down: $"model.layers.{i}.mlp.down_proj.weight"),
        FinalNorm: "model.norm.weight",
        Head: "lm_head.weight");
}
