using Dllm.Gpu.Cuda.Ptx;
using Dllm.Gpu.Kernels;

namespace Dllm.Gpu.Cuda.Driver;

/// <summary>
/// One precompiled kernel loaded into a context. Most were compiled as implicitly grouped kernels, so a
/// launch passes the thread count first and the kernel returns from threads past it; they are grid-stride
/// loops over a <see cref="WorkRange"/>, which comes next. <see cref="Start"/> fills both. The tiled matmul
/// is explicitly grouped: it takes no thread count, runs in groups of the size its launch names, and its
/// shared memory is static in the PTX; <see cref="StartGroups"/> launches it.
/// </summary>
public sealed unsafe class CudaKernel : IDisposable
{
    private const uint BlockThreads = 256;

    private readonly nint _module;
    private readonly nint _function;
    private readonly KernelArguments _arguments;

    public CudaKernel(PtxModule module)
    {
        Name = module.Name;
        Entry = module.Entry;
        _arguments = new KernelArguments(this);
        byte[] image = [.. System.Text.Encoding.UTF8.GetBytes(module.Ptx), 0];
        fixed (byte* data = image)
        {
            CudaDriver.Check(CudaApi.ModuleLoadData(out _module, data), $"load the PTX of kernel {Name}");
        }
        byte[] entry = [.. System.Text.Encoding.UTF8.GetBytes(Entry.Name), 0];
        fixed (byte* data = entry)
        {
            CudaDriver.Check(CudaApi.ModuleGetFunction(out _function, _module, data), $"find entry {Entry.Name} of kernel {Name}");
        }
    }

    public string Name { get; }
    public PtxEntry Entry { get; }

    /// <summary>The arguments of a launch over <paramref name="range"/>, with its thread count and range filled in.</summary>
    public KernelArguments Start(WorkRange range) =>
        _arguments.Reset((uint)((range.Threads + BlockThreads - 1) / BlockThreads), BlockThreads).Add(range.Threads).Add(range);

    /// <summary>The arguments of an explicitly grouped launch of <paramref name="launch"/>'s groups.</summary>
    public KernelArguments StartGroups(MatMulTiles launch) => _arguments.Reset((uint)launch.Groups, (uint)launch.GroupSize);

    internal void Launch(uint grid, uint block, ReadOnlySpan<int> sizes, byte* data, int slot)
    {
        if (!sizes.SequenceEqual(Entry.ParameterSizes.ToArray()))
        {
            throw new InvalidOperationException(
                $"Kernel {Name} takes parameters of {string.Join(", ", Entry.ParameterSizes)} bytes; the launch passed {string.Join(", ", sizes.ToArray())}.");
        }
        void** parameters = stackalloc void*[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            parameters[i] = data + i * slot;
        }
        CudaDriver.Check(CudaApi.LaunchKernel(_function, grid, 1, 1, block, 1, 1, 0, 0, parameters, null), $"launch kernel {Name}");
    }

    public void Dispose() => CudaApi.ModuleUnload(_module);
}
