using Dllm.Kernels;
using Dllm.Tests.Gpu;

namespace Dllm.Tests.Kernels;

/// <summary>The shared op tests on the ILGPU backend, run by ILGPU's CPU accelerator (the GPU kernels, simulated).</summary>
public sealed class IlgpuCpuAcceleratorOpTests : BackendOpTests
{
    protected override IBackend CreateBackend() => TestGpuDevices.CpuAcceleratorBackend();
}
