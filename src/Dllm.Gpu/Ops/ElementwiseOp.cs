using Dllm.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>SwiGLU and the residual add; see <see cref="ElementwiseKernels"/>.</summary>
internal sealed class ElementwiseOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>> _swiGlu =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>>(ElementwiseKernels.SwiGlu);
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>> _add =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>>(ElementwiseKernels.Add);
    private readonly DeviceBuffer<float> _a = new(accelerator);
    private readonly DeviceBuffer<float> _b = new(accelerator);
    private readonly DeviceBuffer<float> _y = new(accelerator);

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        int count = SameLength(gate.Length, up.Length, y.Length);
        ArrayView<float> output = _y.View(count);
        if (count > 0)
        {
            _swiGlu(count, _a.Upload(gate[..count]), _b.Upload(up[..count]), output);
        }
        Download.Into(accelerator, output, y[..count]);
    }

    public void Add(Span<float> x, ReadOnlySpan<float> delta)
    {
        int count = SameLength(x.Length, delta.Length, x.Length);
        ArrayView<float> device = _a.Upload(x);
        if (count > 0)
        {
            _add(count, device, _b.Upload(delta[..count]));
        }
        Download.Into(accelerator, device, x);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _y.Dispose();
    }

    private static int SameLength(int a, int b, int output) =>
        a == b && output >= a ? a : throw new ArgumentException($"Elementwise lengths disagree: {a} and {b} into {output}.");
}
