using Dllm.Gpu;

namespace Dllm.Tests.Gpu;

/// <summary>
/// One ILGPU context for the whole test run: kernels compile to ILGPU's IR once per context, so backends
/// opened from it after the first skip most of the compile time.
/// </summary>
public static class TestGpuDevices
{
    private static readonly Lazy<GpuDevices> Shared = new(() => new GpuDevices());

    public static GpuDevices Devices => Shared.Value;

    /// <summary>A backend on a fresh CPU accelerator of the shared context; dispose it.</summary>
    public static IlgpuBackend CpuAcceleratorBackend() => new(Devices.CreateAccelerator(GpuDeviceKind.CpuAccelerator));
}
