using System.Runtime.InteropServices;
using Dllm.Gpu.Cuda.Driver;

namespace Dllm.Tests.Gpu;

/// <summary>Whether this machine has the CUDA driver library: the no-driver tests run where it is missing (CI), the others where it is present.</summary>
public static class CudaDriverProbe
{
    public static bool Installed { get; } = Probe();

    private static bool Probe()
    {
        if (!NativeLibrary.TryLoad(CudaDriver.LibraryName, out nint handle))
        {
            return false;
        }
        NativeLibrary.Free(handle);
        return true;
    }
}
