namespace Dllm.Gpu.Ops;

/// <summary>Launch sizes: one thread per result, counted in 32 bits as ILGPU's 1D index is.</summary>
internal static class Launches
{
    public static int Count(long threads, string what) =>
        threads <= int.MaxValue
            ? (int)threads
            : throw new ArgumentException($"{what}: {threads} threads exceed one launch ({int.MaxValue}); split the batch.");
}
