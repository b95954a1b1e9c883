namespace Dllm.Cpu.Ops;

/// <summary>
/// The next weight block, for the micro-kernel to pull into L1 a line at a time while it computes:
/// <see cref="Rows"/> row segments of <see cref="Lines"/> cache lines, <see cref="RowStride"/> bytes apart.
/// Issued all at once, the same prefetches stall the core waiting for fill buffers. Into L1 rather than
/// L2 because staging the block is then only its loads and stores: on a Zen 4 core that made the M = 16
/// head matmul 7 % faster and no shape slower (interleaved A/B, best of 15 calls each).
/// </summary>
internal readonly unsafe struct WeightPrefetch(byte* address, long rowStride, int rows, int lines)
{
    public const int CacheLine = 64;

    public readonly byte* Address = address;
    public readonly long RowStride = rowStride;
    public readonly int Rows = rows;
    public readonly int Lines = lines;
}
