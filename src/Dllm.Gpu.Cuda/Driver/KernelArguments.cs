using System.Runtime.InteropServices;

namespace Dllm.Gpu.Cuda.Driver;

/// <summary>
/// The parameter values of one launch, each copied into its own slot; <see cref="Launch"/> checks their
/// sizes against the kernel's PTX signature before passing the driver a pointer to each.
/// </summary>
public sealed unsafe class KernelArguments(CudaKernel kernel)
{
    private const int Slot = 32;
    private const int MaxParameters = 16;

    private readonly byte[] _data = new byte[Slot * MaxParameters];
    private readonly int[] _sizes = new int[MaxParameters];
    private int _count;
    private uint _grid;
    private uint _block;

    public KernelArguments Add<T>(T value) where T : unmanaged
    {
        if (_count == MaxParameters || sizeof(T) > Slot)
        {
            throw new InvalidOperationException($"Kernel {kernel.Name}: at most {MaxParameters} parameters of at most {Slot} bytes.");
        }
        MemoryMarshal.Write(_data.AsSpan(_count * Slot), in value);
        _sizes[_count++] = sizeof(T);
        return this;
    }

    /// <summary>Enqueues the kernel on the default stream.</summary>
    public void Launch()
    {
        fixed (byte* data = _data)
        {
            kernel.Launch(_grid, _block, _sizes.AsSpan(0, _count), data, Slot);
        }
    }

    /// <summary>Starts a launch of <paramref name="grid"/> blocks of <paramref name="block"/> threads, with no parameters yet.</summary>
    internal KernelArguments Reset(uint grid, uint block)
    {
        _count = 0;
        _grid = grid;
        _block = block;
        return this;
    }
}
