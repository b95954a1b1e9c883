using Dllm.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>The fused block's projection kernels loaded for one weight storage type; <paramref name="read"/> views a resident matrix as it.</summary>
internal sealed class ProjectionLaunches<TWeights>(Accelerator accelerator, Func<DeviceMatrix, TWeights> read)
    where TWeights : struct, IDeviceWeights
{
    private readonly Action<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>> _project =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>>(
            FusedBlockKernels.Project);
    private readonly Action<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _projectRotate =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(
            FusedBlockKernels.ProjectRotate);
    private readonly Action<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>> _projectAdd =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, ArrayView<float>>(
            FusedBlockKernels.ProjectAdd);
    private readonly Action<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, TWeights, ArrayView<float>> _gateUpSwiGlu =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, SpecializedValue<ProjectionShape>, ArrayView<float>, TWeights, TWeights, ArrayView<float>>(
            FusedBlockKernels.GateUpSwiGlu);

    /// <summary>y [rows, Width] = x · Wᵀ (+ bias when not empty).</summary>
    public void Project(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix w, ArrayView<float> bias, ArrayView<float> y)
    {
        WorkRange range = Range(rows, shape.Width, "projection");
        _project(range.Threads, range, SpecializedValue.New(shape), x, read(w), bias, y);
    }

    /// <summary>y [rows, Width] = rotate-half RoPE of x · Wᵀ (+ bias), with the rows' cos and sin [rows, HeadDim/2].</summary>
    public void ProjectRotate(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix w, ArrayView<float> bias, ArrayView<float> cos, ArrayView<float> sin, ArrayView<float> y)
    {
        WorkRange range = Range(rows, shape.Width / 2, "rotated projection pairs");
        _projectRotate(range.Threads, range, SpecializedValue.New(shape), x, read(w), bias, cos, sin, y);
    }

    /// <summary>residual [rows, Width] += x · Wᵀ.</summary>
    public void ProjectAdd(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix w, ArrayView<float> residual)
    {
        WorkRange range = Range(rows, shape.Width, "residual projection");
        _projectAdd(range.Threads, range, SpecializedValue.New(shape), x, read(w), residual);
    }

    /// <summary>y [rows, Width] = SiLU(x · Gateᵀ) ⊙ (x · Upᵀ).</summary>
    public void GateUpSwiGlu(ProjectionShape shape, int rows, ArrayView<float> x, DeviceMatrix gate, DeviceMatrix up, ArrayView<float> y)
    {
        WorkRange range = Range(rows, shape.Width, "gate/up outputs");
        _gateUpSwiGlu(range.Threads, range, SpecializedValue.New(shape), x, read(gate), read(up), y);
    }

    private WorkRange Range(int rows, int perRow, string what) => WorkRange.For((long)rows * perRow, accelerator.MaxNumThreads, $"Fused {what}");
}
