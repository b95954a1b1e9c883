using Dllm.Generators.Diagnostics;

namespace Dllm.Generators.Parsing;

/// <summary>
/// What the fused step computes besides the shape: the Llama-style pre-norm block with RMSNorm, unscaled
/// rotate-half RoPE over the full sequence, no query/key norms, and SiLU(gate) ⊙ up. A config that says
/// otherwise (a key present with another value) gets DLLMGEN009 and no specialization; an absent key is
/// taken to mean the block above, and the engine's own reader stays the judge of what it runs.
/// </summary>
internal static class FusedBlockFeatures
{
    /// <summary>Throws a DLLMGEN009 <see cref="ConfigError"/> at the first value the fused step does not compute.</summary>
    public static void Require(ConfigKeyReader config, string modelType)
    {
        if (modelType == LladaShape.ModelType)
        {
            Equal(config, "block_type", "llama", "the fused step is the Llama-style block");
            Equal(config, "activation_type", "silu", "the fused MLP computes SiLU(gate) ⊙ up");
            Equal(config, "layer_norm_type", "rms", "the fused step normalises with RMSNorm");
            Off(config, "alibi", "the fused attention positions tokens with rotary embeddings only");
            Off(config, "attention_layer_norm", "the fused attention has no query/key norms");
            if (config.OptionalBool("rope") == false)
            {
                throw Unsupported(config, "rope", "rope is false, and the fused attention always applies rotary embeddings");
            }
            return;
        }
        Equal(config, "hidden_act", "silu", "the fused MLP computes SiLU(gate) ⊙ up");
        Off(config, "use_sliding_window", "the fused attention is over the full sequence");
        if (config.IsSet("rope_scaling"))
        {
            throw Unsupported(config, "rope_scaling", "rope_scaling is set, and the fused attention applies unscaled rotary embeddings");
        }
    }

    private static void Equal(ConfigKeyReader config, string key, string computed, string why)
    {
        if (config.OptionalString(key) is string value && value != computed)
        {
            throw Unsupported(config, key, $"{key} is \"{value}\", and {why} (\"{computed}\")");
        }
    }

    private static void Off(ConfigKeyReader config, string key, string why)
    {
        if (config.OptionalBool(key) == true)
        {
            throw Unsupported(config, key, $"{key} is true, and {why}");
        }
    }

    private static ConfigError Unsupported(ConfigKeyReader config, string key, string reason) =>
        config.Error(GeneratorDiagnostics.UnsupportedShape, key, reason);
}
