using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>SwiGLU and the residual add (kernels swiglu, add).</summary>
internal sealed class CudaElementwiseOp(CudaContext context, CudaKernels kernels) : IDisposable
{
    private readonly CudaBuffer<float> _a = new(context);
    private readonly CudaBuffer<float> _b = new(context);
    private readonly CudaBuffer<float> _y = new(context);

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        WorkRange range = Range(gate.Length, up.Length, y.Length);
        DeviceView<float> output = _y.View(range.Count);
        if (range.Count > 0)
        {
            kernels["swiglu"].Start(range).Add(_a.Upload(gate)).Add(_b.Upload(up)).Add(output).Launch();
        }
        output.CopyTo(y[..range.Count]);
    }

    public void Add(Span<float> x, ReadOnlySpan<float> delta)
    {
        WorkRange range = Range(x.Length, delta.Length, x.Length);
        DeviceView<float> device = _a.Upload(x);
        if (range.Count > 0)
        {
            kernels["add"].Start(range).Add(device).Add(_b.Upload(delta)).Launch();
        }
        device.CopyTo(x);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _y.Dispose();
    }

    private WorkRange Range(int a, int b, int output) =>
        WorkRange.For(OpShapeChecks.ElementwiseLength(a, b, output), context.MaxThreads, "Elementwise");
}
