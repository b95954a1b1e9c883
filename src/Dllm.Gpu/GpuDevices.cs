using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Dllm.Gpu;

/// <summary>
/// The ILGPU context and the devices it found: CUDA, OpenCL and ILGPU's CPU accelerator. Opens an
/// accelerator by kind and index, and says precisely what is missing when it cannot (no device of that
/// kind, the driver library absent). Keep it alive as long as any accelerator it opened.
/// </summary>
public sealed class GpuDevices : IDisposable
{
    private readonly Context _context;

    /// <param name="cpuAccelerator">
    /// The simulated CPU device (threads per warp, warps per group, multiprocessors); <see cref="CPUDevice.Default"/> when null.
    /// </param>
    public GpuDevices(CPUDevice? cpuAccelerator = null)
    {
        try
        {
            _context = Context.Create(builder => builder
                .Cuda()
                .OpenCL()
                .CPU(cpuAccelerator ?? CPUDevice.Default)
                .EnableAlgorithms());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A driver that is installed but broken can fail device enumeration itself.
            throw new GpuDeviceUnavailableException($"ILGPU could not enumerate the devices (a CUDA or OpenCL driver failed): {e.Message}", e);
        }
        Devices = [.. Describe(GpuDeviceKind.Cuda), .. Describe(GpuDeviceKind.OpenCL), .. Describe(GpuDeviceKind.CpuAccelerator)];
    }

    public IReadOnlyList<GpuDeviceInfo> Devices { get; }

    /// <summary>The preferred real GPU: the first CUDA device, else the first OpenCL device.</summary>
    public GpuDeviceInfo Best() =>
        Devices.FirstOrDefault(d => d.Kind == GpuDeviceKind.Cuda)
        ?? Devices.FirstOrDefault(d => d.Kind == GpuDeviceKind.OpenCL)
        ?? throw new GpuDeviceUnavailableException($"No GPU found. {MissingCuda()} No OpenCL device found either (no OpenCL runtime, or no device it supports).");

    /// <summary>Opens device <paramref name="index"/> of <paramref name="kind"/>; dispose the accelerator after use.</summary>
    public Accelerator CreateAccelerator(GpuDeviceKind kind, int index = 0)
    {
        Device[] devices = Of(kind);
        if (index < 0 || index >= devices.Length)
        {
            string why = kind switch
            {
                GpuDeviceKind.Cuda => MissingCuda(),
                GpuDeviceKind.OpenCL => "No OpenCL device found (no OpenCL runtime, or no device it supports).",
                _ => "The CPU accelerator was not registered.",
            };
            string found = Devices.Count == 0 ? "none" : string.Join("; ", Devices);
            throw new GpuDeviceUnavailableException(
                $"{kind} device {index} is not available: {(devices.Length == 0 ? why : $"only {devices.Length} found.")} Devices found: {found}.");
        }
        try
        {
            return devices[index].CreateAccelerator(_context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new GpuDeviceUnavailableException($"Could not open {kind} device {index} ({devices[index].Name}): {e.Message}", e);
        }
    }

    public void Dispose() => _context.Dispose();

    private Device[] Of(GpuDeviceKind kind) => kind switch
    {
        GpuDeviceKind.Cuda => [.. _context.GetCudaDevices()],
        GpuDeviceKind.OpenCL => [.. _context.GetCLDevices()],
        GpuDeviceKind.CpuAccelerator => [.. _context.GetCPUDevices()],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };

    private IEnumerable<GpuDeviceInfo> Describe(GpuDeviceKind kind) =>
        Of(kind).Select((device, index) => new GpuDeviceInfo(kind, index, device.Name, device.MemorySize));

    /// <summary>Why no CUDA device is listed: the driver library is absent, the driver reports an error, or there simply is no device.</summary>
    private static string MissingCuda()
    {
        try
        {
            CudaError error = CudaAPI.CurrentAPI.GetDriverVersion(out CudaDriverVersion version);
            return error == CudaError.CUDA_SUCCESS
                ? $"No CUDA device found (CUDA driver {version} is installed but reports no device)."
                : $"No CUDA device found: the CUDA driver reports {error}.";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or NotSupportedException)
        {
            return "No CUDA device found: the CUDA driver library (libcuda / nvcuda.dll) is not installed.";
        }
    }
}
