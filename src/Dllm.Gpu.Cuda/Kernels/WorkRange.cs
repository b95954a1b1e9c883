namespace Dllm.Gpu.Kernels;

/// <summary>
/// Count results computed by Threads launched threads: thread t computes results t, t + Threads, ...
/// (a grid-stride loop). Which thread computes a result never changes the result, and a launch never
/// needs more threads than the device runs at once; on ILGPU's CPU accelerator this keeps a launch to a
/// single group instead of thousands of barrier-separated ones.
/// </summary>
public readonly struct WorkRange(int count, int threads)
{
    public int Count { get; } = count;
    public int Threads { get; } = threads;

    /// <summary>A range for <paramref name="count"/> results on a device that runs <paramref name="maxThreads"/> threads at once.</summary>
    public static WorkRange For(long count, int maxThreads, string what)
    {
        if (count > int.MaxValue)
        {
            throw new ArgumentException($"{what}: {count} results exceed one launch ({int.MaxValue}); split the batch.");
        }
        return new WorkRange((int)count, (int)Math.Min(count, Math.Max(maxThreads, 1)));
    }
}
