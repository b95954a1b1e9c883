using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;

namespace Dllm.Cpu.Fused;

/// <summary>Instantiates the fused step for the shape struct a <see cref="SpecializationEntry"/> hands over.</summary>
internal sealed class FusedStepFactory<TVec>(WorkerPool pool, string name) : IShapeVisitor<IFusedDenoiseStep>
    where TVec : struct, IFloatVector<TVec>
{
    public IFusedDenoiseStep Visit<TShape>() where TShape : struct, IStaticModelShape =>
        new FusedDenoiseStep<TShape, TVec>(pool, name);
}
