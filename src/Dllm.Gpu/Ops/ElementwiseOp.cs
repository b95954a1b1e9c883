using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>SwiGLU and the residual add; see <see cref="ElementwiseKernels"/>.</summary>
internal sealed class ElementwiseOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<Index1D, WorkRange, ArrayView<float>, ArrayView<float>, ArrayView<float>> _swiGlu =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, ArrayView<float>, ArrayView<float>>(ElementwiseKernels.SwiGlu);
    private readonly Action<Index1D, WorkRange, ArrayView<float>, ArrayView<float>> _add =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, ArrayView<float>>(ElementwiseKernels.Add);
    private readonly DeviceBuffer<float> _a = new(accelerator);
    private readonly DeviceBuffer<float> _b = new(accelerator);
    private readonly DeviceBuffer<float> _y = new(accelerator);

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        var range = Range(gate.Length, up.Length, y.Length);
        ArrayView<float> output = _y.View(range.Count);
        if (range.Count > 0)
        {
            _swiGlu(range.Threads, range, _a.Upload(gate), _b.Upload(up), output);
        }
        Download.Into(accelerator, output, y[..range.Count]);
    }

    public void Add(Span<float> x, ReadOnlySpan<float> delta)
    {
        var range = Range(x.Length, delta.Length, x.Length);
        ArrayView<float> device = _a.Upload(x);
        if (range.Count > 0)
        {
            _add(range.Threads, range, device, _b.Upload(delta));
        }
        Download.Into(accelerator, device, x);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _y.Dispose();
    }

    private WorkRange Range(int a, int b, int output) =>
        WorkRange.For(OpShapeChecks.ElementwiseLength(a, b, output), accelerator.MaxNumThreads, "Elementwise");
}
