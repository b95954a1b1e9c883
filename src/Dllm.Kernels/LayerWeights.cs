namespace Dllm.Kernels;

/// <summary>The weights of one transformer block (D hidden, H·d query width, K·d key/value width, F MLP width).</summary>
public sealed class LayerWeights
{
    public required float[] AttentionNorm { get; init; }   // [D]
    public required WeightMatrix Query { get; init; }      // [H·d, D]
    public required WeightMatrix Key { get; init; }        // [K·d, D]
    public required WeightMatrix Value { get; init; }      // [K·d, D]
    public required float[] QueryBias { get; init; }       // [H·d] or empty
    public required float[] KeyBias { get; init; }         // [K·d] or empty
    public required float[] ValueBias { get; init; }       // [K·d] or empty
    public required WeightMatrix AttentionOutput { get; init; } // [D, H·d]
    public required float[] FeedForwardNorm { get; init; } // [D]
    public required WeightMatrix Gate { get; init; }       // [F, D], goes through SiLU
    public required WeightMatrix Up { get; init; }         // [F, D], the linear branch
    public required WeightMatrix Down { get; init; }       // [D, F]
}
