using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Diagnostics;

/// <summary>
/// The FMA ceiling of a CPU path: <see cref="Chains"/> independent FMA chains at the path's width, enough
/// to cover the FMA latency on both ports of a core, with no loads, so nothing but FMA issue limits
/// them. Measured in the same run as a kernel, it turns GFLOP/s into a fraction of what this machine
/// can do right now (the machines we run on are shared, and their peak moves with the load).
/// </summary>
public static class FmaPeak
{
    public const int Chains = 12;

    /// <summary>Floating-point operations of <see cref="Run"/>: chains · lanes · 2 (a multiply and an add) per step.</summary>
    public static double Flops(CpuPath path, long steps) => (double)steps * Chains * Lanes(path) * 2;

    /// <summary>Runs <paramref name="steps"/> steps of the chains on the calling thread; the result only keeps the work alive.</summary>
    public static float Run(CpuPath path, long steps) => path switch
    {
        CpuPath.Vector512 => Chain<Vector512<float>>(steps),
        CpuPath.Vector256 => Chain<Vector256<float>>(steps),
        CpuPath.Vector128 => Chain<Vector128<float>>(steps),
        _ => Chain<float>(steps),
    };

    /// <summary>
    /// GFLOP/s of the chains on every thread of <paramref name="pool"/> at once, best of
    /// <paramref name="repeats"/> runs of <paramref name="steps"/> steps per thread.
    /// </summary>
    public static double Measure(CpuPath path, WorkerPool pool, long steps, int repeats)
    {
        ArgumentNullException.ThrowIfNull(pool);
        double best = 0;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            pool.Run(pool.ThreadCount, new ChainsJob(path, steps));
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Max(best, Flops(path, steps) * pool.ThreadCount / seconds / 1e9);
        }
        return best;
    }

    private static int Lanes(CpuPath path) => path switch
    {
        CpuPath.Vector512 => Vector512<float>.Count,
        CpuPath.Vector256 => Vector256<float>.Count,
        CpuPath.Vector128 => Vector128<float>.Count,
        _ => 1,
    };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe float Chain<T>(long steps) where T : struct
    {
        T m = NativeLanes.Broadcast<T>(0.999f), a = NativeLanes.Broadcast<T>(1e-3f);
        T c0 = a, c1 = a, c2 = a, c3 = a, c4 = a, c5 = a, c6 = a, c7 = a, c8 = a, c9 = a, c10 = a, c11 = a;
        for (long i = 0; i < steps; i++)
        {
            c0 = NativeLanes.MultiplyAdd(c0, m, a); c1 = NativeLanes.MultiplyAdd(c1, m, a);
            c2 = NativeLanes.MultiplyAdd(c2, m, a); c3 = NativeLanes.MultiplyAdd(c3, m, a);
            c4 = NativeLanes.MultiplyAdd(c4, m, a); c5 = NativeLanes.MultiplyAdd(c5, m, a);
            c6 = NativeLanes.MultiplyAdd(c6, m, a); c7 = NativeLanes.MultiplyAdd(c7, m, a);
            c8 = NativeLanes.MultiplyAdd(c8, m, a); c9 = NativeLanes.MultiplyAdd(c9, m, a);
            c10 = NativeLanes.MultiplyAdd(c10, m, a); c11 = NativeLanes.MultiplyAdd(c11, m, a);
        }
        // Keep every chain live (one lane of a combination of all twelve), without taking their addresses.
        T all = NativeLanes.MultiplyAdd(c0, m, c1);
        all = NativeLanes.MultiplyAdd(all, m, c2); all = NativeLanes.MultiplyAdd(all, m, c3); all = NativeLanes.MultiplyAdd(all, m, c4);
        all = NativeLanes.MultiplyAdd(all, m, c5); all = NativeLanes.MultiplyAdd(all, m, c6); all = NativeLanes.MultiplyAdd(all, m, c7);
        all = NativeLanes.MultiplyAdd(all, m, c8); all = NativeLanes.MultiplyAdd(all, m, c9); all = NativeLanes.MultiplyAdd(all, m, c10);
        all = NativeLanes.MultiplyAdd(all, m, c11);
        float* lanes = stackalloc float[NativeLanes.Count<T>()];
        NativeLanes.Store(lanes, all);
        return lanes[0];
    }

    private readonly struct ChainsJob(CpuPath path, long steps) : IWorkerJob
    {
        public void Execute(int start, int end, int worker)
        {
            for (int t = start; t < end; t++)
            {
                Run(path, steps);
            }
        }
    }
}
