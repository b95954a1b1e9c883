using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Cuda.Ptx;

namespace Dllm.Gpu.Cuda;

/// <summary>Every embedded kernel, loaded into one context (the driver JIT-compiles the PTX for the device).</summary>
public sealed class CudaKernels : IDisposable
{
    private readonly Dictionary<string, CudaKernel> _loaded = [];

    public CudaKernels()
    {
        try
        {
            foreach (string name in EmbeddedPtx.Names)
            {
                _loaded[name] = new CudaKernel(name, EmbeddedPtx.Read(name));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The kernel named as in <c>kernels.manifest</c>.</summary>
    public CudaKernel this[string name] =>
        _loaded.TryGetValue(name, out CudaKernel? kernel) ? kernel : throw new InvalidOperationException($"No embedded kernel {name}.");

    public void Dispose()
    {
        foreach (CudaKernel kernel in _loaded.Values)
        {
            kernel.Dispose();
        }
        _loaded.Clear();
    }
}
