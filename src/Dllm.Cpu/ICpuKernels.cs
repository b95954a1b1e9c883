using Dllm.Kernels;
using Dllm.Kernels.Specialization;

namespace Dllm.Cpu;

/// <summary>The ops and the fused steps at one vector width, as <see cref="CpuBackend"/> sees them.</summary>
internal interface ICpuKernels : IBackend
{
    /// <summary>The fused step over <paramref name="entry"/>'s shape struct at this width.</summary>
    IFusedDenoiseStep CreateFusedStep(SpecializationEntry entry);
}
