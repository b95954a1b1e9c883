using Dllm.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>The fused block's projection kernels loaded for one weight storage type; <paramref name="read"/> views a resident matrix as it.</summary>
internal sealed class ProjectionLaunches<TWeights>(Accelerator accelerator, Func<DeviceMatrix, TWeights> read)
    where TWeights : struct, IDeviceWeights
{
    private readonly Action<KernelConfig, int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>> _project =
        accelerator.LoadStreamKernel<int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>>(
            FusedBlockKernels.Project);
    private readonly Action<KernelConfig, int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _projectRotate =
        accelerator.LoadStreamKernel<int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(
            FusedBlockKernels.ProjectRotate);
    private readonly Action<KernelConfig, int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>> _projectAdd =
        accelerator.LoadStreamKernel<int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>>(
            FusedBlockKernels.ProjectAdd);
    private readonly Action<KernelConfig, int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, TWeights, ArrayView<float>> _gateUpSwiGlu =
        accelerator.LoadStreamKernel<int, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, TWeights, ArrayView<float>>(
            FusedBlockKernels.GateUpSwiGlu);

    /// <summary>y [rows, Width] = x · Wᵀ (+ bias when not empty).</summary>
    public void Project(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix w, ArrayView<float> bias, ArrayView<float> y)
    {
        _project(Launch(rows, shape.Width, "projection"), rows, SpecializedValue.New(shape), x, read(w), bias, y);
    }

    /// <summary>y [rows, Width] = rotate-half RoPE of x · Wᵀ (+ bias), with the rows' cos and sin [rows, HeadDim/2].</summary>
    public void ProjectRotate(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix w, ArrayView<float> bias, ArrayView<float> cos, ArrayView<float> sin, ArrayView<float> y)
    {
        _projectRotate(Launch(rows, shape.Width / 2, "rotated projection pairs"), rows, SpecializedValue.New(shape), x, read(w), bias, cos, sin, y);
    }

    /// <summary>residual [rows, Width] += x · Wᵀ.</summary>
    public void ProjectAdd(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix w, ArrayView<float> residual)
    {
        _projectAdd(Launch(rows, shape.Width, "residual projection"), rows, SpecializedValue.New(shape), x, read(w), residual);
    }

    /// <summary>y [rows, Width] = SiLU(x · Gateᵀ) ⊙ (x · Upᵀ).</summary>
    public void GateUpSwiGlu(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix gate, DeviceMatrix up, ArrayView<float> y)
    {
        _gateUpSwiGlu(Launch(rows, shape.Width, "gate/up outputs"), rows, SpecializedValue.New(shape), x, read(gate), read(up), y);
    }

    /// <summary>The tiled launch over [rows, perRow] outputs; the fused step always has rows, so it never launches nothing.</summary>
    private KernelConfig Launch(int rows, int perRow, string what)
    {
        MatMulTiles launch = MatMulTiles.For(rows, perRow, accelerator.MaxNumThreads, accelerator.MaxNumThreadsPerGroup, $"Fused {what}");
        return new KernelConfig(launch.Groups, launch.GroupSize);
    }
}
