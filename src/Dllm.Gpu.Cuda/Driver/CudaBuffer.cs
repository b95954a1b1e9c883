namespace Dllm.Gpu.Cuda.Driver;

/// <summary>A grow-only device buffer reused across calls: <see cref="View"/> reallocates only when asked for more than it holds.</summary>
public sealed unsafe class CudaBuffer<T>(CudaContext context) : IDisposable where T : unmanaged
{
    private ulong _pointer;
    private long _capacity;

    /// <summary>The first <paramref name="length"/> elements (contents undefined until written).</summary>
    public DeviceView<T> View(long length)
    {
        if (_pointer == 0 || _capacity < length)
        {
            Dispose();
            _pointer = context.Allocate(Math.Max(length, 1) * sizeof(T));
            _capacity = Math.Max(length, 1);
        }
        return new DeviceView<T>(_pointer, length);
    }

    /// <summary>A view holding a copy of <paramref name="values"/>.</summary>
    public DeviceView<T> Upload(ReadOnlySpan<T> values)
    {
        DeviceView<T> view = View(values.Length);
        if (!values.IsEmpty)
        {
            CudaContext.CopyToDevice(values, view.Pointer);
        }
        return view;
    }

    public void Dispose()
    {
        if (_pointer != 0)
        {
            CudaContext.Free(_pointer);
            _pointer = 0;
            _capacity = 0;
        }
    }
}
