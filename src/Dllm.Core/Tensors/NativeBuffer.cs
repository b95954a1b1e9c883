using System.Runtime.InteropServices;

namespace Dllm.Core.Tensors;

/// <summary>
/// An unmanaged, 64-byte aligned array of <typeparamref name="T"/> (one cache line, one Vector512),
/// zero-initialised. Activations live here so kernels can hand raw pointers to worker threads. Buffers
/// of 2 MiB or more are aligned to and advised for huge pages (<see cref="HugePages"/>).
/// </summary>
public sealed unsafe class NativeBuffer<T> : IDisposable where T : unmanaged
{
    public const int Alignment = 64;
    private T* _data;

    public NativeBuffer(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        nuint bytes = (nuint)Math.Max(1, length * sizeof(T));
        bool huge = HugePages.Worthwhile(bytes);
        _data = (T*)NativeMemory.AlignedAlloc(bytes, huge ? HugePages.Size : Alignment);
        if (huge)
        {
            HugePages.Advise(_data, bytes);
        }
        NativeMemory.Clear(_data, bytes);
    }

    public long Length { get; }

    public T* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_data == null, this);
            return _data;
        }
    }

    public Span<T> Span => new(Pointer, checked((int)Length));

    public Span<T> Slice(long start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Length);
        return new Span<T>(Pointer + start, length);
    }

    public void Dispose()
    {
        if (_data != null)
        {
            NativeMemory.AlignedFree(_data);
            _data = null;
        }
        GC.SuppressFinalize(this);
    }

    ~NativeBuffer() => Dispose();
}
