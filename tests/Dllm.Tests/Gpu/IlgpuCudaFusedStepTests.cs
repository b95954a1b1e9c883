using Dllm.Gpu;
using Dllm.Tests.Kernels;
using Dllm.Tests.Specialization;

namespace Dllm.Tests.Gpu;

/// <summary>
/// The ILGPU fused step on a CUDA device (GPU hosts only). The CPU accelerator proves the arithmetic equal;
/// on a GPU the PTX assembler may also contract a multiply and an add into one FMA, so the equality must
/// be seen there too.
/// </summary>
[RequiresCudaDevice]
public sealed class IlgpuCudaFusedStepTests
{
    [BackendFact]
    public void On_a_cuda_device_the_fused_step_equals_the_generic_ops_bitwise()
    {
        foreach (string model in new[] { "llada-tiny", "dream-tiny-bf16-sharded" })
        {
            using IlgpuBackend backend = IlgpuBackend.Open(GpuDeviceKind.Cuda);
            IlgpuFusedStepTests.AssertFusedEqualsGeneric(backend, model);
        }
    }
}
