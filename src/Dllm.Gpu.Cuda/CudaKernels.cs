using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Cuda.Ptx;

namespace Dllm.Gpu.Cuda;

/// <summary>The kernels loaded into one context (the driver JIT-compiles the PTX for the device).</summary>
public sealed class CudaKernels : IDisposable
{
    private readonly Dictionary<string, CudaKernel> _loaded = [];

    public CudaKernels(IReadOnlyList<PtxModule> modules)
    {
        try
        {
            foreach (PtxModule module in modules)
            {
                _loaded[module.Name] = new CudaKernel(module);
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
