using System.Diagnostics;
using System.Globalization;
using Dllm.Bench.EndToEnd;
using Dllm.Core.Config;
using Dllm.Core.Dtypes;
using Dllm.Core.SafeTensors;
using Dllm.Cpu;
using Dllm.Gpu;
using Dllm.Kernels;
using Dllm.Models;
using Dllm.Models.Common;
using Dllm.Models.Llada;

namespace Dllm.Bench.Specialization;

/// <summary>
/// Specialized (generated fused step) against generic (one backend op at a time) denoising steps, in one
/// run and interleaved call by call, on the LLaDA-8B shape (full width, few layers, random bf16 weights)
/// and on the embedded tiny model. A step is one forward call over a window with its last 32 positions
/// (or the whole window, if shorter) scored through the head, as static decoding scores a block; "blocks"
/// times the same call without the head. The two models of a case share one set of weights and one backend:
/// the CPU backend, or with <c>--backend</c> the ILGPU backend (its fused step keeps the block on the device;
/// only a real GPU's times mean anything, the CPU accelerator only checks that the table runs).
/// Prints markdown: medians, and generic over specialized (the speedup).
/// </summary>
public static class FusedStepTable
{
    private const int ScoredRows = 32;

    public static void Run(FusedStepTableOptions options, TextWriter output)
    {
        using IBackend backend = Open(options.Backend);
        output.WriteLine($"{Describe(backend)}; median of {options.Repeats} interleaved calls per cell, after one untimed call each.");
        output.WriteLine();
        output.WriteLine("| model | window | what | generic | specialized | speedup | GFLOP/s generic | GFLOP/s specialized |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|");

        if (options.Large)
        {
            TransformerConfig large = Llada8BShape.Config(options.Layers);
            var family = new LladaFamily();
            using InMemoryWeights weights = RandomWeights.Create(large, family, seed: 8, DType.BF16);
            Compare($"LLaDA-8B shape, {options.Layers} layers, bf16",
                kernels => DiffusionModel.Create(family, large, new BorrowedWeights(weights), backend, kernels: kernels), options, output);
        }
        if (options.Tiny)
        {
            string tiny = Path.Combine(BenchPaths.RepositoryRoot, "src", "Dllm.Cli", "EmbeddedModel");
            Compare("embedded tiny model (dllm-tiny), f32", kernels => DiffusionModel.Load(tiny, backend, kernels), options, output);
        }
    }

    private static IBackend Open(string name) => name switch
    {
        "cuda" => IlgpuBackend.Open(GpuDeviceKind.Cuda),
        "opencl" => IlgpuBackend.Open(GpuDeviceKind.OpenCL),
        "cpu-accelerator" => IlgpuBackend.Open(GpuDeviceKind.CpuAccelerator),
        _ => new CpuBackend(),
    };

    private static string Describe(IBackend backend) => backend switch
    {
        CpuBackend cpu => $"CPU path {cpu.Path}, {cpu.Threads} threads",
        IlgpuBackend { Name: "ilgpu/CPU" } => $"{backend.Name} (ILGPU's CPU accelerator simulates the GPU kernels: not a GPU figure)",
        _ => backend.Name,
    };

    private static void Compare(string name, Func<KernelChoice, DiffusionModel> load, FusedStepTableOptions options, TextWriter output)
    {
        using DiffusionModel generic = load(KernelChoice.Generic);
        using DiffusionModel specialized = load(KernelChoice.Specialized);
        if (specialized.Kernels == "generic")
        {
            throw new InvalidOperationException($"{name}: the backend has no specialization for this shape.");
        }
        foreach (int window in options.Windows)
        {
            ForwardSequence[] batch = Window(generic.Config, window);
            int scored = batch[0].ScorePositions.Length;
            Row(output, name, window, "step (blocks + head)", Llada8BShape.ForwardFlops(generic.Config, window, scored),
                Time(generic, specialized, model => model.Forward(batch), options.Repeats));
            Row(output, name, window, "blocks only", Llada8BShape.ForwardFlops(generic.Config, window, 0),
                Time(generic, specialized, model => model.HiddenStates(batch), options.Repeats));
        }
        output.Flush();
    }

    private static ForwardSequence[] Window(TransformerConfig config, int window)
    {
        var random = new Random(window);
        int scored = Math.Min(ScoredRows, window);
        return
        [
            new ForwardSequence
            {
                Ids = Enumerable.Range(0, window).Select(_ => random.Next(config.VocabSize)).ToArray(),
                ScorePositions = Enumerable.Range(window - scored, scored).ToArray(),
            },
        ];
    }

    /// <summary>Median milliseconds of (generic, specialized), alternating which goes first.</summary>
    private static (double Generic, double Specialized) Time(DiffusionModel generic, DiffusionModel specialized, Action<DiffusionModel> call, int repeats)
    {
        call(generic);
        call(specialized);
        var genericTimes = new List<double>();
        var specializedTimes = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            bool genericFirst = r % 2 == 0;
            (genericFirst ? genericTimes : specializedTimes).Add(Milliseconds(genericFirst ? generic : specialized, call));
            (genericFirst ? specializedTimes : genericTimes).Add(Milliseconds(genericFirst ? specialized : generic, call));
        }
        return (Median(genericTimes), Median(specializedTimes));
    }

    private static double Milliseconds(DiffusionModel model, Action<DiffusionModel> call)
    {
        long start = Stopwatch.GetTimestamp();
        call(model);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>One table row; GFLOP/s counts 2 per multiply-add of the projections, attention and head (<see cref="Llada8BShape.ForwardFlops"/>).</summary>
    private static void Row(TextWriter output, string model, int window, string what, double flops, (double Generic, double Specialized) times) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {model} | {window} | {what} | {times.Generic:0.00} ms | {times.Specialized:0.00} ms | {times.Generic / times.Specialized:0.00}x | {flops / times.Generic / 1e6:0.0} | {flops / times.Specialized / 1e6:0.0} |"));
}
