using Dllm.Gpu.Cuda;
using Dllm.Kernels;
using Dllm.Tests.Gpu;

namespace Dllm.Tests.Kernels;

/// <summary>The shared op tests on PtxBackend: the precompiled PTX launched through the CUDA driver (GPU hosts only).</summary>
[RequiresCudaDevice]
public sealed class PtxBackendOpTests : BackendOpTests
{
    protected override IBackend CreateBackend() => PtxBackend.Open();
}
