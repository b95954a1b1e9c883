using Dllm.Gpu.Cuda.Driver;
using Dllm.Tests.Kernels;

namespace Dllm.Tests.Gpu;

/// <summary>Marks a test class that runs on a CUDA device through the driver (PtxBackend); skipped, with the reason, where there is none.</summary>
public sealed class RequiresCudaDeviceAttribute : BackendRequirementAttribute
{
    private static readonly string? Reason = CudaContext.DeviceCount() > 0
        ? null
        : CudaDriverProbe.Installed ? "The CUDA driver reports no device." : $"No CUDA driver ({CudaDriver.LibraryName}) on this machine.";

    public override string? SkipReason => Reason;
}
