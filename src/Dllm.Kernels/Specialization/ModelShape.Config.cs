using Dllm.Core.Config;

namespace Dllm.Kernels.Specialization;

public readonly partial record struct ModelShape
{
    /// <summary>The shape of a config read by the engine's own config readers.</summary>
    public static ModelShape Of(TransformerConfig config) => new(
        config.HiddenSize,
        config.NumLayers,
        config.NumHeads,
        config.NumKvHeads,
        config.IntermediateSize,
        config.VocabSize,
        config.QkvBias,
        config.RopeTheta,
        config.RmsNormEps);
}
