using System.Runtime.InteropServices;

namespace Dllm.Tests.Cli;

/// <summary>A fact about the x64 Linux build only: skipped, with the reason, elsewhere.</summary>
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Skip = "The image launcher only moves between x64 images on Linux.";
        }
    }
}
