using System.Runtime.InteropServices;

namespace Dllm.Gpu.Cuda.Driver;

/// <summary>
/// One CUDA device and a context on it: what the device is (name, memory, how many threads it runs at
/// once), device memory and the copies to and from it. Calls made on another thread first make the
/// context current there.
/// </summary>
public sealed unsafe class CudaContext : IDisposable
{
    private const int MultiprocessorCountAttribute = 16;
    private const int MaxThreadsPerMultiprocessorAttribute = 39;

    private readonly nint _context;

    private CudaContext(int ordinal, int device, nint context)
    {
        Ordinal = ordinal;
        _context = context;
        Name = ReadName(device);
        CudaDriver.Check(CudaApi.DeviceTotalMem(out nuint bytes, device), "read the device memory size");
        MemoryBytes = (long)bytes;
        CudaDriver.Check(CudaApi.DeviceGetAttribute(out int multiprocessors, MultiprocessorCountAttribute, device), "read the multiprocessor count");
        CudaDriver.Check(CudaApi.DeviceGetAttribute(out int threadsPerMultiprocessor, MaxThreadsPerMultiprocessorAttribute, device), "read the threads per multiprocessor");
        MaxThreads = multiprocessors * threadsPerMultiprocessor;
    }

    public int Ordinal { get; }
    public string Name { get; }
    public long MemoryBytes { get; }

    /// <summary>Threads the device keeps resident at once: the most a grid-stride launch needs.</summary>
    public int MaxThreads { get; }

    /// <summary>CUDA devices present; 0 when there is no driver.</summary>
    public static int DeviceCount()
    {
        try
        {
            CudaDriver.Load();
            return CudaApi.DeviceGetCount(out int count) == 0 ? count : 0;
        }
        catch (GpuDeviceUnavailableException)
        {
            return 0;
        }
    }

    /// <summary>Opens device <paramref name="ordinal"/>.</summary>
    /// <exception cref="GpuDeviceUnavailableException">No driver, no such device, or the context cannot be created.</exception>
    public static CudaContext Open(int ordinal = 0)
    {
        CudaDriver.Load();
        CudaDriver.Check(CudaApi.DeviceGetCount(out int count), "count the devices");
        if (ordinal < 0 || ordinal >= count)
        {
            throw new GpuDeviceUnavailableException(count == 0
                ? "The CUDA driver is installed but reports no CUDA device."
                : $"No CUDA device {ordinal}: the driver reports {count}.");
        }
        CudaDriver.Check(CudaApi.DeviceGet(out int device, ordinal), $"open CUDA device {ordinal}");
        CudaDriver.Check(CudaApi.CtxCreate(out nint context, 0, device), $"create a context on CUDA device {ordinal}");
        try
        {
            return new CudaContext(ordinal, device, context);
        }
        catch
        {
            CudaApi.CtxDestroy(context);
            throw;
        }
    }

    /// <summary>Makes this context the calling thread's current one (cheap; every entry point calls it).</summary>
    public void MakeCurrent() => CudaDriver.Check(CudaApi.CtxSetCurrent(_context), "make the context current");

    public ulong Allocate(long bytes)
    {
        CudaDriver.Check(CudaApi.MemAlloc(out ulong pointer, (nuint)Math.Max(bytes, 1)), $"allocate {bytes} bytes of device memory");
        return pointer;
    }

    public static void Free(ulong pointer) => CudaApi.MemFree(pointer);

    public static void CopyToDevice<T>(ReadOnlySpan<T> source, ulong destination) where T : unmanaged
    {
        fixed (T* data = source)
        {
            CopyToDevice(data, (long)source.Length * sizeof(T), destination);
        }
    }

    public static void CopyToDevice(void* source, long bytes, ulong destination) =>
        CudaDriver.Check(CudaApi.MemcpyHtoD(destination, source, (nuint)bytes), "copy to the device");

    /// <summary>Copies once every launch before it has finished (copies on the default stream wait for it).</summary>
    public static void CopyToHost<T>(ulong source, Span<T> destination) where T : unmanaged
    {
        fixed (T* data = destination)
        {
            CudaDriver.Check(CudaApi.MemcpyDtoH(data, source, (nuint)((long)destination.Length * sizeof(T))), "copy from the device");
        }
    }

    public static void Synchronize() => CudaDriver.Check(CudaApi.CtxSynchronize(), "finish the launched kernels");

    public void Dispose() => CudaApi.CtxDestroy(_context);

    private static string ReadName(int device)
    {
        byte* name = stackalloc byte[256];
        CudaDriver.Check(CudaApi.DeviceGetName(name, 256, device), "read the device name");
        return Marshal.PtrToStringUTF8((nint)name) ?? "";
    }
}
