using Dllm.Core.Config;
using Dllm.Core.Dtypes;
using Dllm.Kernels;
using Dllm.Models;
using Dllm.Models.Common;
using Dllm.Models.Dream;
using Dllm.Models.Llada;

namespace Dllm.PropTests.Arbitraries;

/// <summary>
/// A random tiny model: family, shape, weight dtype and seed. Small enough that a property can run
/// many of them; odd sizes on purpose, so SIMD tails are exercised.
/// </summary>
public sealed record TinyModelSpec(ModelFamily Family, int Heads, int KvHeads, int HeadDim, int Layers, int Intermediate, int Vocab, DType WeightType, int Seed)
{
    public TransformerConfig Config => new()
    {
        Family = Family,
        ModelType = Family == ModelFamily.Llada ? "llada" : "Dream",
        HiddenSize = Heads * HeadDim,
        NumLayers = Layers,
        NumHeads = Heads,
        NumKvHeads = KvHeads,
        IntermediateSize = Intermediate,
        VocabSize = Vocab,
        RopeTheta = Family == ModelFamily.Llada ? 500000f : 1000000f,
        RmsNormEps = Family == ModelFamily.Llada ? 1e-5f : 1e-6f,
        QkvBias = Family == ModelFamily.Dream,
        MaskTokenId = Vocab - 1,
        EosTokenId = Vocab - 2,
        PadTokenId = Vocab - 2,
        MaxSequenceLength = 256,
    };

    /// <summary>The config.json a checkpoint of this model would ship, in its family's keys (what the generator reads).</summary>
    public string ConfigJson => Family == ModelFamily.Llada
        ? $$"""
            { "model_type": "llada", "d_model": {{Config.HiddenSize}}, "n_heads": {{Heads}}, "n_kv_heads": {{KvHeads}}, "n_layers": {{Layers}},
              "mlp_hidden_size": {{Intermediate}}, "vocab_size": {{Vocab}}, "include_qkv_bias": false, "rope_theta": 500000.0, "rms_norm_eps": 1e-05 }
            """
        : $$"""
            { "model_type": "Dream", "hidden_size": {{Config.HiddenSize}}, "num_attention_heads": {{Heads}}, "num_key_value_heads": {{KvHeads}},
              "num_hidden_layers": {{Layers}}, "intermediate_size": {{Intermediate}}, "vocab_size": {{Vocab}}, "rope_theta": 1000000.0, "rms_norm_eps": 1e-06 }
            """;

    public IModelFamily Definition => Family == ModelFamily.Llada ? new LladaFamily() : new DreamFamily();

    public DiffusionModel Build(IBackend backend) =>
        DiffusionModel.Create(Definition, Config, RandomWeights.Create(Config, Definition, Seed, WeightType), backend);

    public override string ToString() =>
        $"{Family} H={Heads} K={KvHeads} d={HeadDim} layers={Layers} F={Intermediate} V={Vocab} {WeightType} seed={Seed}";
}
