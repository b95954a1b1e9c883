using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>y = x · Wᵀ (+ bias) with W resident on the device; see <see cref="MatMulKernel"/>.</summary>
internal sealed class MatMulOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<Index1D, WorkRange, ArrayView<float>, F32DeviceWeights, ArrayView<float>, int, int, ArrayView<float>> _f32 =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, F32DeviceWeights, ArrayView<float>, int, int, ArrayView<float>>(MatMulKernel.Multiply);
    private readonly Action<Index1D, WorkRange, ArrayView<float>, Bf16DeviceWeights, ArrayView<float>, int, int, ArrayView<float>> _bf16 =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, Bf16DeviceWeights, ArrayView<float>, int, int, ArrayView<float>>(MatMulKernel.Multiply);
    private readonly DeviceBuffer<float> _x = new(accelerator);
    private readonly DeviceBuffer<float> _bias = new(accelerator);
    private readonly DeviceBuffer<float> _y = new(accelerator);

    public void Run(ReadOnlySpan<float> x, DeviceMatrix w, ReadOnlySpan<float> bias, Span<float> y)
    {
        int n = w.Rows;
        int rows = OpShapeChecks.MatMulRows(x, n, w.Cols, bias, y);
        ArrayView<float> output = _y.View((long)rows * n);
        Launch(_x.Upload(x), w, _bias.Upload(bias), rows, output);
        Download.Into(accelerator, output, y[..(rows * n)]);
    }

    /// <summary>Enqueues y [rows, w.Rows] = x [rows, w.Cols] · Wᵀ (+ bias when not empty) on device data.</summary>
    public void Launch(ArrayView<float> x, DeviceMatrix w, ArrayView<float> bias, int rows, ArrayView<float> y)
    {
        var range = WorkRange.For((long)rows * w.Rows, accelerator.MaxNumThreads, "MatMul outputs");
        if (range.Count == 0)
        {
            return;
        }
        if (w.Type == WeightType.F32)
        {
            _f32(range.Threads, range, x, w.F32, bias, w.Cols, w.Rows, y);
        }
        else
        {
            _bf16(range.Threads, range, x, w.Bf16, bias, w.Cols, w.Rows, y);
        }
    }

    public void Dispose()
    {
        _x.Dispose();
        _bias.Dispose();
        _y.Dispose();
    }
}
