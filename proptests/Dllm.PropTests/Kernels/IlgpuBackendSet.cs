using Dllm.Gpu;
using ILGPU.Runtime.CPU;

namespace Dllm.PropTests.Kernels;

/// <summary>
/// The ILGPU backend on two differently shaped CPU accelerators (16 threads in 4 warps of 4, and 2 threads),
/// the launch-shape counterpart of the CPU backend's thread counts: every kernel launch is split over a
/// different number of threads, and the results must not change. One ILGPU context per shape serves the
/// whole run, so kernels compile once.
/// </summary>
public sealed class IlgpuBackendSet : IBackendSet, IDisposable
{
    private static readonly CPUDevice[] Shapes = [CPUDevice.Default, new CPUDevice(numThreadsPerWarp: 2, numWarpsPerMultiprocessor: 1, numMultiprocessors: 1)];
    private static readonly Lazy<GpuDevices>[] Contexts = [.. Shapes.Select(shape => new Lazy<GpuDevices>(() => new GpuDevices(shape)))];

    private readonly IlgpuBackend[] _backends = [.. Enumerable.Range(0, Shapes.Length).Select(Open)];

    public IlgpuBackendSet() =>
        Groups = [new BackendGroup(_backends[0].Name, [.. _backends.Select((backend, shape) => new BackendVariant(Describe(shape), backend))])];

    public IReadOnlyList<BackendGroup> Groups { get; }

    /// <summary>A fresh backend on CPU-accelerator shape 0 or 1; dispose it.</summary>
    public static IlgpuBackend Open(int shape) => new(Contexts[shape].Value.CreateAccelerator(GpuDeviceKind.CpuAccelerator));

    public static string Describe(int shape) => $"{Shapes[shape].NumThreads} CPU-accelerator threads";

    public void Dispose()
    {
        foreach (IlgpuBackend backend in _backends)
        {
            backend.Dispose();
        }
    }
}
