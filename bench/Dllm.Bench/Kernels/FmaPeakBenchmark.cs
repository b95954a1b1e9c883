using BenchmarkDotNet.Attributes;
using Dllm.Cpu;
using Dllm.Cpu.Diagnostics;
using Dllm.Cpu.Threading;

namespace Dllm.Bench.Kernels;

/// <summary>
/// Peak Vector512 FMA throughput (<see cref="FmaPeak"/>) on one thread and on every processor (through the backend's own
/// <see cref="WorkerPool"/>), measured in the same run as the matmuls so their "% of peak" is against
/// this machine at this moment.
/// </summary>
[Config(typeof(KernelBenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class FmaPeakBenchmark
{
    /// <summary>Steps per thread per invocation: about 25 ms on a 2.7 GHz core.</summary>
    public const long Steps = 10_000_000;

    private WorkerPool _pool = null!;

    public static int Threads => Environment.ProcessorCount;

    [GlobalSetup]
    public void Setup() => _pool = new WorkerPool(Threads);

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    [Benchmark]
    public float SingleThread() => FmaPeak.Run(CpuPath.Vector512, Steps);

    [Benchmark]
    public void AllThreads() => _pool.Run(Threads, new ChainsJob());

    private readonly struct ChainsJob : IWorkerJob
    {
        public void Execute(int start, int end, int worker)
        {
            for (int t = start; t < end; t++)
            {
                FmaPeak.Run(CpuPath.Vector512, Steps);
            }
        }
    }
}
