namespace Dllm.Kernels.Specialization;

/// <summary>What every backend's fused step checks before it runs: weights of its own shape, positions its RoPE table covers.</summary>
public static class FusedStepChecks
{
    /// <summary>
    /// Everything <see cref="IFusedDenoiseStep.Block"/> takes, checked against the step's <paramref name="shape"/>:
    /// a residual of one hidden row per position, the weights, and positions the RoPE table covers. Returns the row count.
    /// </summary>
    public static int Block(ReadOnlySpan<float> residual, LayerWeights weights, ReadOnlySpan<int> positions, RopeTable rope, ModelShape shape)
    {
        int rows = positions.Length;
        if ((long)rows * shape.HiddenSize != residual.Length)
        {
            throw new ArgumentException($"The residual has {residual.Length} floats, expected {rows} rows of {shape.HiddenSize}.", nameof(residual));
        }
        Validate(weights, shape);
        ValidatePositions(positions, rope, shape.HeadDim);
        return rows;
    }

    public static void Validate(LayerWeights weights, ModelShape shape)
    {
        int d = shape.HiddenSize, q = shape.NumHeads * shape.HeadDim, kv = shape.NumKvHeads * shape.HeadDim, f = shape.IntermediateSize;
        Matrix(weights.Query, q, d, "query");
        Matrix(weights.Key, kv, d, "key");
        Matrix(weights.Value, kv, d, "value");
        Matrix(weights.AttentionOutput, d, q, "attention output");
        Matrix(weights.Gate, f, d, "gate");
        Matrix(weights.Up, f, d, "up");
        Matrix(weights.Down, d, f, "down");
        Vector(weights.AttentionNorm, d, "attention norm");
        Vector(weights.FeedForwardNorm, d, "feed-forward norm");
        Vector(weights.QueryBias, shape.QkvBias ? q : 0, "query bias");
        Vector(weights.KeyBias, shape.QkvBias ? kv : 0, "key bias");
        Vector(weights.ValueBias, shape.QkvBias ? kv : 0, "value bias");
    }

    /// <summary>
    /// The one storage type of the block's seven matrices, for steps whose kernels are compiled per weight
    /// type; mixed types are refused (checkpoints store a block's matrices in one dtype).
    /// </summary>
    public static WeightType SingleWeightType(LayerWeights weights)
    {
        WeightType type = weights.Query.Type;
        foreach (WeightMatrix matrix in (WeightMatrix[])[weights.Key, weights.Value, weights.AttentionOutput, weights.Gate, weights.Up, weights.Down])
        {
            if (matrix.Type != type)
            {
                throw new ArgumentException($"The block mixes {type} and {matrix.Type} weights; this fused step needs one storage type for all seven matrices (use the generic kernels).");
            }
        }
        return type;
    }

    public static void ValidatePositions(ReadOnlySpan<int> positions, RopeTable rope, int headDim)
    {
        if (rope.HeadDim != headDim)
        {
            throw new ArgumentException($"The RoPE table is for head dimension {rope.HeadDim}, the step for {headDim}.", nameof(rope));
        }
        foreach (int position in positions)
        {
            if ((uint)position >= (uint)rope.Positions)
            {
                throw new ArgumentOutOfRangeException(nameof(positions), $"Position {position} is beyond the RoPE table ({rope.Positions}); call EnsureCapacity first.");
            }
        }
    }

    private static void Matrix(WeightMatrix matrix, int rows, int cols, string name)
    {
        if (matrix.Rows != rows || matrix.Cols != cols)
        {
            throw new ArgumentException($"The {name} weight is [{matrix.Rows}, {matrix.Cols}]; this specialization needs [{rows}, {cols}].");
        }
    }

    private static void Vector(float[] vector, int length, string name)
    {
        if (vector.Length != length)
        {
            throw new ArgumentException($"The {name} has {vector.Length} entries; this specialization needs {length}.");
        }
    }
}
