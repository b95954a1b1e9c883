namespace Dllm.Gpu;

/// <summary>One device <see cref="GpuDevices"/> can open: its kind, its index among devices of that kind, name and memory.</summary>
public sealed record GpuDeviceInfo(GpuDeviceKind Kind, int Index, string Name, long MemoryBytes)
{
    public override string ToString() =>
        $"{Kind} {Index}: {Name} ({(Kind == GpuDeviceKind.CpuAccelerator ? "host memory" : $"{MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB")})";
}
