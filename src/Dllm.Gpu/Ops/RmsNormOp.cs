using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>RMSNorm over rows; see <see cref="RmsNormKernels"/>.</summary>
internal sealed class RmsNormOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<Index1D, WorkRange, ArrayView<float>, int, float, ArrayView<float>> _inverseRms =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, int, float, ArrayView<float>>(RmsNormKernels.InverseRms);
    private readonly Action<Index1D, WorkRange, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _scale =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(RmsNormKernels.Scale);
    private readonly DeviceBuffer<float> _x = new(accelerator);
    private readonly DeviceBuffer<float> _weight = new(accelerator);
    private readonly DeviceBuffer<float> _rowScale = new(accelerator);
    private readonly DeviceBuffer<float> _y = new(accelerator);

    public void Run(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y)
    {
        int rows = OpShapeChecks.RmsNormRows(x, weight, y);
        ArrayView<float> output = _y.View(x.Length);
        Launch(_x.Upload(x), _weight.Upload(weight), eps, rows, output);
        Download.Into(accelerator, output, y[..x.Length]);
    }

    /// <summary>Enqueues y [rows, weight.Length] = RMSNorm(x) on device data.</summary>
    public void Launch(ArrayView<float> x, ArrayView<float> weight, float eps, int rows, ArrayView<float> y)
    {
        int columns = (int)weight.Length;
        var elements = WorkRange.For((long)rows * columns, accelerator.MaxNumThreads, "RmsNorm elements");
        if (elements.Count == 0)
        {
            return;
        }
        var rowRange = WorkRange.For(rows, accelerator.MaxNumThreads, "RmsNorm rows");
        ArrayView<float> inverseRms = _rowScale.View(rows);
        _inverseRms(rowRange.Threads, rowRange, x, columns, eps, inverseRms);
        _scale(elements.Threads, elements, x, weight, inverseRms, y);
    }

    public void Dispose()
    {
        _x.Dispose();
        _weight.Dispose();
        _rowScale.Dispose();
        _y.Dispose();
    }
}
