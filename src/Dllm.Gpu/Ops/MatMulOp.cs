using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>y = x · Wᵀ (+ bias) with W resident on the device; see <see cref="MatMulKernel"/>.</summary>
internal sealed class MatMulOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<KernelConfig, ArrayView<float>, F32DeviceWeights, ArrayView<float>, int, int, int, ArrayView<float>> _f32 =
        accelerator.LoadStreamKernel<ArrayView<float>, F32DeviceWeights, ArrayView<float>, int, int, int, ArrayView<float>>(MatMulKernel.Multiply);
    private readonly Action<KernelConfig, ArrayView<float>, Bf16DeviceWeights, ArrayView<float>, int, int, int, ArrayView<float>> _bf16 =
        accelerator.LoadStreamKernel<ArrayView<float>, Bf16DeviceWeights, ArrayView<float>, int, int, int, ArrayView<float>>(MatMulKernel.Multiply);
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
        var launch = MatMulTiles.For(rows, w.Rows, accelerator.MaxNumThreads, accelerator.MaxNumThreadsPerGroup, "MatMul outputs");
        if (launch.Groups == 0)
        {
            return;
        }
        var config = new KernelConfig(launch.Groups, launch.GroupSize);
        if (w.Type == WeightType.F32)
        {
            _f32(config, x, w.F32, bias, w.Cols, w.Rows, rows, y);
        }
        else
        {
            _bf16(config, x, w.Bf16, bias, w.Cols, w.Rows, rows, y);
        }
    }

    public void Dispose()
    {
        _x.Dispose();
        _bias.Dispose();
        _y.Dispose();
    }
}
