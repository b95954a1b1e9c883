using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>y = x · Wᵀ (+ bias) with W resident on the device (kernels matmul_f32, matmul_bf16).</summary>
internal sealed class CudaMatMulOp(CudaContext context, CudaKernels kernels) : IDisposable
{
    private readonly CudaBuffer<float> _x = new(context);
    private readonly CudaBuffer<float> _bias = new(context);
    private readonly CudaBuffer<float> _y = new(context);

    public void Run(ReadOnlySpan<float> x, CudaMatrix w, ReadOnlySpan<float> bias, Span<float> y)
    {
        int n = w.Rows;
        int rows = OpShapeChecks.MatMulRows(x, n, w.Cols, bias, y);
        DeviceView<float> output = _y.View((long)rows * n);
        Launch(_x.Upload(x), w, _bias.Upload(bias), rows, output);
        output.CopyTo(y[..(rows * n)]);
    }

    /// <summary>Enqueues y [rows, w.Rows] = x [rows, w.Cols] · Wᵀ (+ bias when not empty) on device data.</summary>
    public void Launch(DeviceView<float> x, CudaMatrix w, DeviceView<float> bias, int rows, DeviceView<float> y)
    {
        // A CUDA block holds at least 1024 threads, so a group takes one thread per tile output.
        MatMulTiles launch = MatMulTiles.For(rows, w.Rows, context.MaxThreads, MatMulTiles.Outputs, "MatMul outputs");
        if (launch.Groups > 0)
        {
            kernels["matmul_" + w.KernelSuffix].StartGroups(launch).Add(x).Add(w.Weights).Add(bias).Add(w.Cols).Add(w.Rows).Add(rows).Add(y).Launch();
        }
    }

    public void Dispose()
    {
        _x.Dispose();
        _bias.Dispose();
        _y.Dispose();
    }
}
