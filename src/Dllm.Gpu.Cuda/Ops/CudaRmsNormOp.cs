using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>RMSNorm over rows (kernels rmsnorm_inverse_rms, then rmsnorm_scale).</summary>
internal sealed class CudaRmsNormOp(CudaContext context, CudaKernels kernels) : IDisposable
{
    private readonly CudaBuffer<float> _x = new(context);
    private readonly CudaBuffer<float> _weight = new(context);
    private readonly CudaBuffer<float> _rowScale = new(context);
    private readonly CudaBuffer<float> _y = new(context);

    public void Run(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y)
    {
        int rows = OpShapeChecks.RmsNormRows(x, weight, y);
        DeviceView<float> output = _y.View(x.Length);
        Launch(_x.Upload(x), _weight.Upload(weight), eps, rows, output);
        output.CopyTo(y[..x.Length]);
    }

    /// <summary>Enqueues y [rows, weight.Length] = RMSNorm(x) on device data.</summary>
    public void Launch(DeviceView<float> x, DeviceView<float> weight, float eps, int rows, DeviceView<float> y)
    {
        int columns = (int)weight.Length;
        WorkRange elements = WorkRange.For((long)rows * columns, context.MaxThreads, "RmsNorm elements");
        if (elements.Count == 0)
        {
            return;
        }
        WorkRange rowRange = WorkRange.For(rows, context.MaxThreads, "RmsNorm rows");
        DeviceView<float> inverseRms = _rowScale.View(rows);
        kernels["rmsnorm_inverse_rms"].Start(rowRange).Add(x).Add(columns).Add(eps).Add(inverseRms).Launch();
        kernels["rmsnorm_scale"].Start(elements).Add(x).Add(weight).Add(inverseRms).Add(y).Launch();
    }

    public void Dispose()
    {
        _x.Dispose();
        _weight.Dispose();
        _rowScale.Dispose();
        _y.Dispose();
    }
}
