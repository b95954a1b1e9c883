using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Models.Common;

namespace Dllm.Models.Llada;

/// <summary>
/// LLaDA (<c>LLaDAModelLM</c>, block_type "llama"). Beware the names: <c>ff_proj</c> is the gate,
/// <c>up_proj</c> the linear branch, the block's <c>ff_out</c> the down projection, and
/// <c>model.transformer.ff_out</c> the output head.
/// </summary>
public sealed class LladaFamily : IModelFamily
{
    private const string Prefix = "model.transformer.";

    public ModelFamily Family => ModelFamily.Llada;

    public string ModelType => "llada";

    public string NumLayersKey => "n_layers";

    public TransformerConfig ParseConfig(JsonElement root, string file) => LladaConfig.FromJson(root, file).ToTransformerConfig();

    public TransformerWeightNames WeightNames { get; } = new(
        Embedding: Prefix + "wte.weight",
        Layer: i => new LayerWeightNames(
            AttentionNorm: $"{Prefix}blocks.{i}.attn_norm.weight",
            Query: $"{Prefix}blocks.{i}.q_proj.weight",
            Key: $"{Prefix}blocks.{i}.k_proj.weight",
            Value: $"{Prefix}blocks.{i}.v_proj.weight",
            QueryBias: $"{Prefix}blocks.{i}.q_proj.bias",
            KeyBias: $"{Prefix}blocks.{i}.k_proj.bias",
            ValueBias: $"{Prefix}blocks.{i}.v_proj.bias",
            AttentionOutput: $"{Prefix}blocks.{i}.attn_out.weight",
            FeedForwardNorm: $"{Prefix}blocks.{i}.ff_norm.weight",
            Gate: $"{Prefix}blocks.{i}.ff_proj.weight",
            Up: $"{Prefix}blocks.{i}.up_proj.weight",
            Down: $"{Prefix}blocks.{i}.ff_out.weight"),
        FinalNorm: Prefix + "ln_f.weight",
        Head: Prefix + "ff_out.weight");
}
