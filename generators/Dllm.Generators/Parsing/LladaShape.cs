using Dllm.Generators.Diagnostics;
using Dllm.Kernels.Specialization;

namespace Dllm.Generators.Parsing;

/// <summary>
/// LLaDA's shape (<c>model_type</c> "llada", OLMo-style keys), read with the defaults and fallbacks of
/// Dllm.Core's LladaConfig: <c>mlp_ratio</c> × <c>d_model</c> when <c>mlp_hidden_size</c> is absent,
/// <c>embedding_size</c> over <c>vocab_size</c>, and upstream's effective KV-head rule.
/// </summary>
internal static class LladaShape
{
    public const string ModelType = "llada";

    private static readonly ShapeKeys Keys = new(
        "d_model", "n_layers", "n_heads", "n_kv_heads", "mlp_hidden_size", "vocab_size", "rope_theta", "rms_norm_eps");

    public static ShapeReading Read(ConfigKeyReader config)
    {
        int dModel = config.RequireInt("d_model");
        int nHeads = config.RequireInt("n_heads");
        int? nKvHeads = config.OptionalInt("n_kv_heads");
        int nLayers = config.RequireInt("n_layers");
        int mlpHiddenSize = config.OptionalInt("mlp_hidden_size") ?? (config.OptionalInt("mlp_ratio") ?? 4) * dModel;
        int vocabSize = config.RequireInt("vocab_size");
        int? embeddingSize = config.OptionalInt("embedding_size");
        double ropeTheta = config.Double("rope_theta", 10000.0);
        double rmsNormEps = config.Double("rms_norm_eps", 1e-5);
        bool qkvBias = config.Flag("include_qkv_bias", false);
        bool? multiQuery = config.OptionalBool("multi_query_attention");
        var shape = new ModelShape(
            dModel,
            nLayers,
            nHeads,
            EffectiveKvHeads(config, nHeads, nKvHeads, multiQuery),
            mlpHiddenSize,
            embeddingSize ?? vocabSize,
            qkvBias,
            (float)ropeTheta,
            (float)rmsNormEps);
        return new ShapeReading(shape, embeddingSize is null ? Keys : Keys with { VocabSize = "embedding_size" });
    }

    // Upstream ModelConfig.effective_n_kv_heads.
    private static int EffectiveKvHeads(ConfigKeyReader config, int nHeads, int? nKvHeads, bool? multiQuery)
    {
        if (nKvHeads is not int kv)
        {
            return multiQuery == true ? 1 : nHeads;
        }
        if (multiQuery is bool mqa && kv != (mqa ? 1 : nHeads))
        {
            throw config.Error(GeneratorDiagnostics.ValueOutOfRange, "n_kv_heads",
                $"n_kv_heads {kv} conflicts with multi_query_attention = {(mqa ? "true" : "false")}");
        }
        return kv;
    }
}
