using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>RMSNorm over rows; see <see cref="RmsNormKernels"/>.</summary>
internal sealed class RmsNormOp(Accelerator accelerator) : IRmsNormKernels<ArrayView<float>>, IDisposable
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
    public void Launch(ArrayView<float> x, ArrayView<float> weight, float eps, int rows, ArrayView<float> y) =>
        RmsNormLaunches.Enqueue(this, accelerator.MaxNumThreads, x, weight, (int)weight.Length, eps, rows, y);

    ArrayView<float> IRmsNormKernels<ArrayView<float>>.InverseRmsScratch(int rows) => _rowScale.View(rows);

    void IRmsNormKernels<ArrayView<float>>.InverseRms(WorkRange rows, ArrayView<float> x, int columns, float eps, ArrayView<float> inverseRms) =>
        _inverseRms(rows.Threads, rows, x, columns, eps, inverseRms);

    void IRmsNormKernels<ArrayView<float>>.Scale(WorkRange elements, ArrayView<float> x, ArrayView<float> weight, ArrayView<float> inverseRms, ArrayView<float> y) =>
        _scale(elements.Threads, elements, x, weight, inverseRms, y);

    public void Dispose()
    {
        _x.Dispose();
        _weight.Dispose();
        _rowScale.Dispose();
        _y.Dispose();
    }
}
