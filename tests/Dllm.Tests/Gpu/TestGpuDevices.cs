using Dllm.Gpu;
using ILGPU.Runtime.CPU;

namespace Dllm.Tests.Gpu;

/// <summary>
/// One ILGPU context for the whole test run: kernels compile to ILGPU's IR once per context, so backends
/// opened from it after the first skip most of the compile time. Its CPU accelerator runs 2 threads (one
/// warp of 2): results do not depend on the launch shape (the property tests check two), and waking 16
/// simulated threads per launch on a 2-core CI machine made the fixture decodes about twice as slow.
/// </summary>
public static class TestGpuDevices
{
    private static readonly Lazy<GpuDevices> Shared = new(() =>
        new GpuDevices(new CPUDevice(numThreadsPerWarp: 2, numWarpsPerMultiprocessor: 1, numMultiprocessors: 1)));

    public static GpuDevices Devices => Shared.Value;

    /// <summary>A backend on a fresh CPU accelerator of the shared context; dispose it.</summary>
    public static IlgpuBackend CpuAcceleratorBackend() => new(Devices.CreateAccelerator(GpuDeviceKind.CpuAccelerator));
}
