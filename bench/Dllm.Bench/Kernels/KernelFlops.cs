using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Dllm.Cpu;
using Dllm.Cpu.Diagnostics;

namespace Dllm.Bench.Kernels;

/// <summary>
/// GFLOP/s of a kernel benchmark case from its median or its fastest iteration, or null for cases that
/// count no flops. The fastest iteration is the one other processes disturbed least, which matters on a
/// machine whose cores are shared.
/// </summary>
public static class KernelFlops
{
    public static double? Gflops(Summary summary, BenchmarkCase benchmarkCase, bool fastest)
    {
        double? flops = Flops(benchmarkCase);
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        double? nanoseconds = fastest ? statistics?.Min : statistics?.Median;
        return flops is null || nanoseconds is not > 0 ? null : flops / nanoseconds;
    }

    /// <summary>The all-thread FMA peak (fastest iteration) measured in the same summary (run with --join to have it).</summary>
    public static double? PeakGflops(Summary summary) =>
        summary.BenchmarksCases
            .Where(c => c.Descriptor.Type == typeof(FmaPeakBenchmark) && c.Descriptor.WorkloadMethod.Name == nameof(FmaPeakBenchmark.AllThreads))
            .Select(c => Gflops(summary, c, fastest: true))
            .FirstOrDefault();

    private static double? Flops(BenchmarkCase benchmarkCase)
    {
        Type type = benchmarkCase.Descriptor.Type;
        if (type == typeof(MatMulBenchmarks))
        {
            return MatMulBenchmarks.Flops((int)Parameter(benchmarkCase, nameof(MatMulBenchmarks.M)), (int)Parameter(benchmarkCase, nameof(MatMulBenchmarks.N)));
        }
        if (type == typeof(EndToEnd.ForwardBenchmarks))
        {
            return EndToEnd.ForwardBenchmarks.Flops((int)Parameter(benchmarkCase, nameof(EndToEnd.ForwardBenchmarks.Tokens)));
        }
        if (type == typeof(FmaPeakBenchmark))
        {
            int threads = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(FmaPeakBenchmark.AllThreads) ? FmaPeakBenchmark.Threads : 1;
            return threads * FmaPeak.Flops(CpuPath.Vector512, FmaPeakBenchmark.Steps);
        }
        return null;
    }

    private static object Parameter(BenchmarkCase benchmarkCase, string name) =>
        benchmarkCase.Parameters.Items.First(p => p.Name == name).Value;
}
