namespace Dllm.Kernels;

/// <summary>
/// A 64-bit content fingerprint of a weight matrix, so a cached copy of it (on a device, or repacked for
/// a kernel) is never used for other contents at the same address (memory freed and reused, as tests do
/// constantly). Matrices up to <c>wholeHashBytes</c> are hashed whole; larger ones (checkpoint tensors,
/// immutable while their model lives) by <c>sampledWords</c> evenly spaced 8-byte words plus the last,
/// which keeps the per-call check far below the cost of a forward pass.
/// </summary>
public static unsafe class WeightFingerprint
{
    public const long WholeHashBytes = 4L << 20;
    public const long SampledWords = 4096;

    public static ulong Of(WeightMatrix matrix, long wholeHashBytes = WholeHashBytes, long sampledWords = SampledWords)
    {
        long bytes = (long)matrix.Rows * matrix.Cols * matrix.ElementSize;
        byte* data = (byte*)matrix.Data;
        long words = bytes / sizeof(ulong);
        ulong hash = 14695981039346656037UL ^ (ulong)bytes;
        if (bytes <= wholeHashBytes || words <= sampledWords)
        {
            for (long w = 0; w < words; w++)
            {
                hash = Mix(hash, ((ulong*)data)[w]);
            }
            for (long b = words * sizeof(ulong); b < bytes; b++)
            {
                hash = Mix(hash, data[b]);
            }
            return hash;
        }
        long stride = words / sampledWords;
        for (long w = 0; w < words; w += stride)
        {
            hash = Mix(hash, ((ulong*)data)[w]);
        }
        return Mix(hash, *(ulong*)(data + bytes - sizeof(ulong)));
    }

    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * 1099511628211UL;
}
