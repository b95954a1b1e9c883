using System.Globalization;
using Dllm.Generators.Diagnostics;
using Dllm.Kernels.Specialization;

namespace Dllm.Generators.Parsing;

/// <summary>
/// What makes a shape valid (the engine's ConfigChecks: positive sizes, heads dividing the hidden
/// size, KV heads dividing the heads, an even head dimension, positive finite rope_theta and eps). The
/// fused kernels take every valid shape: loop tails go through the same shared per-row routines.
/// </summary>
internal static class ShapeRules
{
    /// <summary>Throws <see cref="ConfigError"/> for the first rule the shape breaks.</summary>
    public static void Validate(ShapeReading reading, ConfigKeyReader config)
    {
        ModelShape s = reading.Shape;
        ShapeKeys k = reading.Keys;
        Positive(config, k.HiddenSize, s.HiddenSize);
        Positive(config, k.NumLayers, s.NumLayers);
        Positive(config, k.NumHeads, s.NumHeads);
        Positive(config, k.NumKvHeads, s.NumKvHeads);
        Positive(config, k.IntermediateSize, s.IntermediateSize);
        Positive(config, k.VocabSize, s.VocabSize);
        if (s.HiddenSize % s.NumHeads != 0)
        {
            throw config.Error(GeneratorDiagnostics.HiddenNotDivisibleByHeads, k.HiddenSize,
                k.HiddenSize, Text(s.HiddenSize), k.NumHeads, Text(s.NumHeads));
        }
        if (s.NumHeads % s.NumKvHeads != 0)
        {
            throw config.Error(GeneratorDiagnostics.HeadsNotDivisibleByKvHeads, k.NumKvHeads,
                k.NumHeads, Text(s.NumHeads), k.NumKvHeads, Text(s.NumKvHeads));
        }
        if (s.HeadDim % 2 != 0)
        {
            throw config.Error(GeneratorDiagnostics.OddHeadDim, k.HiddenSize,
                k.HiddenSize, k.NumHeads, Text(s.HeadDim));
        }
        PositiveFinite(config, k.RopeTheta, s.RopeTheta);
        PositiveFinite(config, k.RmsNormEps, s.RmsNormEps);
    }

    private static void Positive(ConfigKeyReader config, string key, int value)
    {
        if (value <= 0)
        {
            throw config.Error(GeneratorDiagnostics.ValueOutOfRange, key, $"{key} must be positive, found {Text(value)}");
        }
    }

    // Checked as float, after the same narrowing the engine applies.
    private static void PositiveFinite(ConfigKeyReader config, string key, float value)
    {
        if (!(value > 0) || float.IsInfinity(value))
        {
            throw config.Error(GeneratorDiagnostics.ValueOutOfRange, key,
                $"{key} must be a positive finite number, found {value.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
