using BenchmarkDotNet.Attributes;
using Dllm.Bench.Kernels;
using Dllm.Core.Config;
using Dllm.Core.Dtypes;
using Dllm.Cpu;
using Dllm.Gpu;
using Dllm.Kernels;
using Dllm.Models;
using Dllm.Models.Common;
using Dllm.Models.Llada;

namespace Dllm.Bench.EndToEnd;

/// <summary>
/// One denoising forward call of a 2-layer, full-width LLaDA-8B-shaped model with random bf16
/// weights: a <see cref="Tokens"/>-position window, one 32-position block scored through the head
/// (as static decoding scores a block), on the CPU backend and on every CUDA or OpenCL device present
/// (the ILGPU backend). Run it joined with the FMA peak to read "% of peak" (CPU rows).
/// </summary>
[Config(typeof(KernelBenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ForwardBenchmarks
{
    public const int Layers = 2;
    public const int ScoredRows = 32;

    private IBackend _backend = null!;
    private DiffusionModel _model = null!;
    private ForwardSequence[] _batch = null!;

    [Params(64, 256)]
    public int Tokens { get; set; }

    /// <summary>"cpu", or a GPU as "Cuda 0" / "OpenCL 0" (only the devices this machine has).</summary>
    [ParamsSource(nameof(Devices))]
    public string Device { get; set; } = "cpu";

    public static IEnumerable<string> Devices()
    {
        using var devices = new GpuDevices();
        return ["cpu", .. devices.Devices.Where(d => d.Kind != GpuDeviceKind.CpuAccelerator).Select(d => $"{d.Kind} {d.Index}")];
    }

    public static double Flops(int tokens) => Llada8BShape.ForwardFlops(Llada8BShape.Config(Layers), tokens, ScoredRows);

    [GlobalSetup]
    public void Setup()
    {
        TransformerConfig config = Llada8BShape.Config(Layers);
        var family = new LladaFamily();
        _backend = Device == "cpu" ? new CpuBackend() : OpenGpu(Device);
        _model = DiffusionModel.Create(family, config, RandomWeights.Create(config, family, seed: 8, DType.BF16), _backend);
        var random = new Random(Tokens);
        _batch =
        [
            new ForwardSequence
            {
                Ids = Enumerable.Range(0, Tokens).Select(_ => random.Next(config.VocabSize)).ToArray(),
                ScorePositions = Enumerable.Range(Tokens - ScoredRows, ScoredRows).ToArray(),
            },
        ];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        _backend.Dispose();
    }

    [Benchmark]
    public ForwardResult Forward() => _model.Forward(_batch);

    private static IlgpuBackend OpenGpu(string device)
    {
        string[] parts = device.Split(' ');
        return IlgpuBackend.Open(Enum.Parse<GpuDeviceKind>(parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
