using System.Runtime.InteropServices;

namespace Dllm.Gpu.Cuda.Driver;

/// <summary>
/// The CUDA driver API functions dllm calls, bound with <c>LibraryImport</c> (source-generated marshalling,
/// blittable signatures only, so Native AOT needs no reflection). The library name is resolved by
/// <see cref="CudaDriver"/>, which probes for the driver first: nothing here may be called before
/// <see cref="CudaDriver.Load"/> succeeded. Results are CUresult codes (0 is success); the _v2 entry points
/// are the ones current drivers export under the documented names.
/// </summary>
internal static unsafe partial class CudaApi
{
    public const string Library = "cuda";

    [LibraryImport(Library, EntryPoint = "cuInit")]
    public static partial int Init(uint flags);

    [LibraryImport(Library, EntryPoint = "cuDeviceGetCount")]
    public static partial int DeviceGetCount(out int count);

    [LibraryImport(Library, EntryPoint = "cuDeviceGet")]
    public static partial int DeviceGet(out int device, int ordinal);

    [LibraryImport(Library, EntryPoint = "cuDeviceGetName")]
    public static partial int DeviceGetName(byte* name, int length, int device);

    [LibraryImport(Library, EntryPoint = "cuDeviceTotalMem_v2")]
    public static partial int DeviceTotalMem(out nuint bytes, int device);

    [LibraryImport(Library, EntryPoint = "cuDeviceGetAttribute")]
    public static partial int DeviceGetAttribute(out int value, int attribute, int device);

    [LibraryImport(Library, EntryPoint = "cuCtxCreate_v2")]
    public static partial int CtxCreate(out nint context, uint flags, int device);

    [LibraryImport(Library, EntryPoint = "cuCtxSetCurrent")]
    public static partial int CtxSetCurrent(nint context);

    [LibraryImport(Library, EntryPoint = "cuCtxSynchronize")]
    public static partial int CtxSynchronize();

    [LibraryImport(Library, EntryPoint = "cuCtxDestroy_v2")]
    public static partial int CtxDestroy(nint context);

    /// <summary>Loads a module from a null-terminated PTX image (the driver JIT-compiles it for the device).</summary>
    [LibraryImport(Library, EntryPoint = "cuModuleLoadData")]
    public static partial int ModuleLoadData(out nint module, byte* image);

    [LibraryImport(Library, EntryPoint = "cuModuleGetFunction")]
    public static partial int ModuleGetFunction(out nint function, nint module, byte* name);

    [LibraryImport(Library, EntryPoint = "cuModuleUnload")]
    public static partial int ModuleUnload(nint module);

    [LibraryImport(Library, EntryPoint = "cuMemAlloc_v2")]
    public static partial int MemAlloc(out ulong pointer, nuint bytes);

    [LibraryImport(Library, EntryPoint = "cuMemFree_v2")]
    public static partial int MemFree(ulong pointer);

    [LibraryImport(Library, EntryPoint = "cuMemcpyHtoD_v2")]
    public static partial int MemcpyHtoD(ulong destination, void* source, nuint bytes);

    [LibraryImport(Library, EntryPoint = "cuMemcpyDtoH_v2")]
    public static partial int MemcpyDtoH(void* destination, ulong source, nuint bytes);

    /// <summary>Launches on the default stream; <paramref name="parameters"/> points at one pointer per kernel parameter.</summary>
    [LibraryImport(Library, EntryPoint = "cuLaunchKernel")]
    public static partial int LaunchKernel(
        nint function, uint gridX, uint gridY, uint gridZ, uint blockX, uint blockY, uint blockZ,
        uint sharedMemoryBytes, nint stream, void** parameters, void** extra);

    [LibraryImport(Library, EntryPoint = "cuGetErrorString")]
    public static partial int GetErrorString(int error, out byte* text);
}
