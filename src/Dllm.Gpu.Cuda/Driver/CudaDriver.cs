using System.Runtime.InteropServices;

namespace Dllm.Gpu.Cuda.Driver;

/// <summary>
/// Finds and initializes the CUDA driver library. A machine without it gets a
/// <see cref="GpuDeviceUnavailableException"/> naming the library, never a <see cref="DllNotFoundException"/>:
/// the library is probed with <see cref="NativeLibrary.TryLoad(string, out nint)"/> before any driver call,
/// and <see cref="CudaApi"/>'s imports resolve to the handle found.
/// </summary>
public static class CudaDriver
{
    private static readonly Lock Gate = new();
    private static bool _resolverSet;
    private static bool _initialized;

    /// <summary>The driver library's file name on this OS.</summary>
    public static string LibraryName => OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1";

    /// <summary>Loads and initializes the driver once per process.</summary>
    /// <exception cref="GpuDeviceUnavailableException">No driver library, or it failed to initialize.</exception>
    public static void Load()
    {
        lock (Gate)
        {
            if (_initialized)
            {
                return;
            }
            if (!NativeLibrary.TryLoad(LibraryName, out nint handle))
            {
                throw new GpuDeviceUnavailableException(
                    $"No CUDA driver ({LibraryName}) found: install the NVIDIA driver, or use --device cpu.");
            }
            if (!_resolverSet)
            {
                // Allowed once per assembly; the handle of a library loaded twice is the same.
                NativeLibrary.SetDllImportResolver(typeof(CudaDriver).Assembly, (name, _, _) => name == CudaApi.Library ? handle : 0);
                _resolverSet = true;
            }
            Check(CudaApi.Init(0), "initialize the CUDA driver");
            _initialized = true;
        }
    }

    /// <summary>Throws, with the driver's own description, when <paramref name="result"/> is not CUDA_SUCCESS.</summary>
    /// <exception cref="GpuDeviceUnavailableException">The call failed.</exception>
    internal static void Check(int result, string action)
    {
        if (result != 0)
        {
            throw new GpuDeviceUnavailableException($"CUDA could not {action}: {Describe(result)}.");
        }
    }

    private static unsafe string Describe(int result) =>
        CudaApi.GetErrorString(result, out byte* text) == 0 && text is not null
            ? $"{Marshal.PtrToStringUTF8((nint)text)} (CUresult {result})"
            : $"CUresult {result}";
}
