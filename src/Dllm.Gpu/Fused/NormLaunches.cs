using Dllm.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>The fused block's RMSNorm kernels: the inverse RMS of each row, then the scaled elements.</summary>
internal sealed class NormLaunches(Accelerator accelerator)
{
    private readonly Action<Index1D, WorkRange, SpecializedValue<NormShape>, ArrayView<float>, ArrayView<float>> _inverseRms =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, SpecializedValue<NormShape>, ArrayView<float>, ArrayView<float>>(FusedBlockKernels.InverseRms);
    private readonly Action<Index1D, WorkRange, SpecializedValue<NormShape>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _scale =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, SpecializedValue<NormShape>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(FusedBlockKernels.Scale);

    /// <summary>y [rows, Columns] = RMSNorm(x) · weight, with <paramref name="inverseRms"/> [rows] as scratch.</summary>
    public void Enqueue(NormShape shape, int rows, ArrayView<float> x, ArrayView<float> weight, ArrayView<float> inverseRms, ArrayView<float> y)
    {
        int maxThreads = accelerator.MaxNumThreads;
        var specialized = SpecializedValue.New(shape);
        WorkRange rowRange = WorkRange.For(rows, maxThreads, "Fused RmsNorm rows");
        WorkRange elements = WorkRange.For((long)rows * shape.Columns, maxThreads, "Fused RmsNorm elements");
        _inverseRms(rowRange.Threads, rowRange, specialized, x, inverseRms);
        _scale(elements.Threads, elements, specialized, x, weight, inverseRms, y);
    }
}
