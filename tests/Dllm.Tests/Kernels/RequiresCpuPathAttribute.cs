using Dllm.Cpu;

namespace Dllm.Tests.Kernels;

/// <summary>Marks a backend test class that needs a CPU path; its facts are skipped, with the reason, where the CPU lacks it.</summary>
public sealed class RequiresCpuPathAttribute(CpuPath path) : BackendRequirementAttribute
{
    public CpuPath Path { get; } = path;

    public override string? SkipReason =>
        CpuPaths.IsSupported(Path) ? null : $"This processor does not accelerate the {Path} path (supported: {string.Join(", ", CpuPaths.Supported)}).";
}
