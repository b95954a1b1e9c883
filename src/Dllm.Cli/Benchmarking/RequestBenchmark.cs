using Dllm.Cli.Images;
using Dllm.Cli.Rendering;
using Dllm.Cpu;
using Dllm.Cpu.Diagnostics;
using Dllm.Cpu.Threading;
using Dllm.Models;

namespace Dllm.Cli.Benchmarking;

/// <summary>
/// Times one generate request on every engine of a <see cref="BenchTarget"/>, interleaved with the
/// machine's FMA peak and with the kernels alone (the request's forward calls replayed, shape for shape,
/// straight on the model with no decoder), so that every figure of the report comes from the same
/// minutes of the same machine. The best of the timed repetitions counts; cores busy is over all of them.
/// </summary>
public sealed class RequestBenchmark(BenchTarget target, int[] prompt, GenerateOptions options, int repeat, int warmup)
{
    /// <summary>FMA steps per thread per peak measurement: about 70 ms on a 3.5 GHz core.</summary>
    private const long PeakSteps = 20_000_000;

    public BenchReport Run()
    {
        DllmEngine first = target.Engines[0].Engine;
        CpuPath path = first.Backend is CpuBackend cpu ? cpu.Path : throw new InvalidOperationException("dllm bench measures the CPU backend.");
        using var pool = new WorkerPool(((CpuBackend)first.Backend).Threads);
        int engines = target.Engines.Count;
        var best = new (GenerationResult Result, WorkTime Time)?[engines];
        var wall = new TimeSpan[engines];
        var processor = new TimeSpan[engines];
        for (int w = 0; w < warmup; w++)
        {
            foreach (var (_, engine) in target.Engines)
            {
                engine.Generate(prompt, options);
            }
        }
        List<ForwardSequence[]>? kernels = null;
        WorkTime? kernelsBest = null;
        double peak = 0;
        for (int r = 0; r < repeat; r++)
        {
            peak = Math.Max(peak, FmaPeak.Measure(path, pool, PeakSteps, repeats: 2));
            for (int e = 0; e < engines; e++)
            {
                DllmEngine engine = target.Engines[e].Engine;
                var (result, time) = WorkTime.Measure(() => engine.Generate(prompt, options));
                wall[e] += time.Wall;
                processor[e] += time.Processor;
                if (best[e] is not { } kept || time.Wall < kept.Time.Wall)
                {
                    best[e] = (result, time);
                }
            }
            kernels ??= Replay(first, best[0]!.Value.Result);
            var (_, forward) = WorkTime.Measure(() => kernels.Sum(batch => first.Model.Forward(batch).Stats.Length));
            if (kernelsBest is not { } k || forward.Wall < k.Wall)
            {
                kernelsBest = forward;
            }
        }
        peak = Math.Max(peak, FmaPeak.Measure(path, pool, PeakSteps, repeats: 2));
        var runs = target.Engines.Select((entry, e) => new BenchRun(
            entry.Weights, best[e]!.Value.Result, best[e]!.Value.Time, new WorkTime(wall[e], processor[e]).CoresBusy,
            best[e]!.Value.Result.Stats.Work.Flops(first.Config))).ToArray();
        ForwardWork replayed = ForwardWork.Sum(kernels!.Select(batch => ForwardWork.Of(batch)));
        var kernelRun = new KernelsRun(kernels!.Count, kernelsBest!.Value, replayed.Flops(first.Config));
        return new BenchReport(target.Description, prompt.Length, options, first.Backend.Name, first.Kernels, NativeImage.Describe(), pool.ThreadCount, peak, runs, kernelRun);
    }

    /// <summary>
    /// A forward call of each call's shape: its sequences (equal lengths), rows and scored rows, over
    /// the prompt and mask ids (what the ids are does not change what the kernels compute).
    /// </summary>
    private List<ForwardSequence[]> Replay(DllmEngine engine, GenerationResult result)
    {
        var calls = new List<ForwardSequence[]>();
        foreach (ForwardWork call in result.Stats.WorkPerCall)
        {
            int sequences = (int)Math.Max(1, call.Sequences);
            int length = (int)(call.Rows / sequences);
            int scored = (int)Math.Clamp(call.ScoredRows / sequences, 0, length);
            int[] ids = [.. prompt.Take(length), .. Enumerable.Repeat(engine.Config.MaskTokenId, Math.Max(0, length - prompt.Length))];
            int[] positions = Enumerable.Range(length - scored, scored).ToArray();
            calls.Add(Enumerable.Range(0, sequences).Select(_ => new ForwardSequence { Ids = ids, ScorePositions = positions }).ToArray());
        }
        return calls;
    }
}
