namespace Dllm.Gpu.Kernels;

/// <summary>
/// The shape of one attention launch, passed to every attention kernel. The work rows are the packed
/// rows that belong to some sequence; scores are [work rows, heads, MaxLength] (keys past a sequence's length unused).
/// </summary>
public readonly struct AttentionLayout(int heads, int groupSize, int headDim, int maxLength, float scale)
{
    public int Heads { get; } = heads;

    /// <summary>Query heads per KV head: head h reads KV head h / GroupSize.</summary>
    public int GroupSize { get; } = groupSize;

    public int HeadDim { get; } = headDim;
    public int MaxLength { get; } = maxLength;

    /// <summary>1/√HeadDim, rounded to f32 once on the host.</summary>
    public float Scale { get; } = scale;

    public int QueryWidth => Heads * HeadDim;
    public int KvWidth => Heads / GroupSize * HeadDim;
}
