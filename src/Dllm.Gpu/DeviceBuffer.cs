using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu;

/// <summary>A grow-only device buffer reused across calls: <see cref="View"/> reallocates only when asked for more than it holds.</summary>
internal sealed class DeviceBuffer<T>(Accelerator accelerator) : IDisposable where T : unmanaged
{
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    /// <summary>The first <paramref name="length"/> elements (contents undefined until written).</summary>
    public ArrayView<T> View(long length)
    {
        if (_buffer is null || _buffer.Length < length)
        {
            _buffer?.Dispose();
            _buffer = accelerator.Allocate1D<T>(Math.Max(length, 1));
        }
        return _buffer.View.AsContiguous().SubView(0, length);
    }

    /// <summary>A view holding a copy of <paramref name="values"/>.</summary>
    public ArrayView<T> Upload(ReadOnlySpan<T> values)
    {
        ArrayView<T> view = View(values.Length);
        if (!values.IsEmpty)
        {
            view.CopyFromCPU(values);
        }
        return view;
    }

    public void Dispose() => _buffer?.Dispose();
}
