using Dllm.Kernels.Specialization;

namespace Dllm.Generators.Parsing;

/// <summary>
/// Dream's shape (<c>model_type</c> "Dream", Qwen2-style keys), read with the defaults of Dllm.Core's
/// DreamConfig: <c>num_key_value_heads</c> absent or null means one per query head, and q/k/v always
/// carry biases.
/// </summary>
internal static class DreamShape
{
    public const string ModelType = "Dream";

    private static readonly ShapeKeys Keys = new(
        "hidden_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads", "intermediate_size",
        "vocab_size", "rope_theta", "rms_norm_eps");

    public static ShapeReading Read(ConfigKeyReader config)
    {
        int hiddenSize = config.RequireInt("hidden_size");
        int heads = config.RequireInt("num_attention_heads");
        int? kvHeads = config.OptionalInt("num_key_value_heads");
        int layers = config.RequireInt("num_hidden_layers");
        int intermediateSize = config.RequireInt("intermediate_size");
        int vocabSize = config.RequireInt("vocab_size");
        double ropeTheta = config.Double("rope_theta", 10000.0);
        double rmsNormEps = config.Double("rms_norm_eps", 1e-6);
        var shape = new ModelShape(
            hiddenSize,
            layers,
            heads,
            kvHeads ?? heads,
            intermediateSize,
            vocabSize,
            QkvBias: true,
            (float)ropeTheta,
            (float)rmsNormEps);
        return new ShapeReading(shape, Keys);
    }
}
