using Dllm.Gpu.Ops;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>Instantiates the ILGPU fused step for the shape struct a <see cref="SpecializationEntry"/> hands over.</summary>
internal sealed class IlgpuFusedStepFactory(Accelerator accelerator, ResidentWeightCache<DeviceMatrix> weights, AttentionOp attention, string name)
    : IShapeVisitor<IFusedDenoiseStep>
{
    public IFusedDenoiseStep Visit<TShape>() where TShape : struct, IStaticModelShape =>
        new IlgpuFusedStep<TShape>(accelerator, weights, attention, name);
}
