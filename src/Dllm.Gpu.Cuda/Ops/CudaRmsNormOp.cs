using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>RMSNorm over rows (kernels rmsnorm_inverse_rms, then rmsnorm_scale).</summary>
internal sealed class CudaRmsNormOp(CudaContext context, CudaKernels kernels) : IRmsNormKernels<DeviceView<float>>, IDisposable
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
    public void Launch(DeviceView<float> x, DeviceView<float> weight, float eps, int rows, DeviceView<float> y) =>
        RmsNormLaunches.Enqueue(this, context.MaxThreads, x, weight, (int)weight.Length, eps, rows, y);

    DeviceView<float> IRmsNormKernels<DeviceView<float>>.InverseRmsScratch(int rows) => _rowScale.View(rows);

    void IRmsNormKernels<DeviceView<float>>.InverseRms(WorkRange rows, DeviceView<float> x, int columns, float eps, DeviceView<float> inverseRms) =>
        kernels["rmsnorm_inverse_rms"].Start(rows).Add(x).Add(columns).Add(eps).Add(inverseRms).Launch();

    void IRmsNormKernels<DeviceView<float>>.Scale(WorkRange elements, DeviceView<float> x, DeviceView<float> weight, DeviceView<float> inverseRms, DeviceView<float> y) =>
        kernels["rmsnorm_scale"].Start(elements).Add(x).Add(weight).Add(inverseRms).Add(y).Launch();

    public void Dispose()
    {
        _x.Dispose();
        _weight.Dispose();
        _rowScale.Dispose();
        _y.Dispose();
    }
}
