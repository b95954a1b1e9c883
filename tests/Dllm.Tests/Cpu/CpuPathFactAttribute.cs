using Dllm.Cpu;

namespace Dllm.Tests.Cpu;

/// <summary>A fact that needs a CPU path: skipped, with the reason, on a processor that does not accelerate it.</summary>
public sealed class CpuPathFactAttribute : FactAttribute
{
    public CpuPathFactAttribute(CpuPath path)
    {
        if (!CpuPaths.IsSupported(path))
        {
            Skip = $"This processor does not accelerate the {path} path (supported: {string.Join(", ", CpuPaths.Supported)}).";
        }
    }
}
