using Dllm.Models;

namespace Dllm.Tests.Cli;

/// <summary>The kernels the CLI reports for a specialized model, given how this test process is configured (DLLM_SPECIALIZE).</summary>
internal static class CliKernels
{
    public static string Expected(string specialization) =>
        KernelSelection.Resolve(KernelChoice.FromEnvironment) == KernelChoice.Specialized ? $"specialized:{specialization}" : "generic";
}
