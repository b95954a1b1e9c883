namespace Dllm.Models;

/// <summary>Which kernels a model runs its transformer blocks with.</summary>
public enum KernelChoice
{
    /// <summary><see cref="Specialized"/>, unless the <c>DLLM_SPECIALIZE</c> environment variable turns it off (see <see cref="KernelSelection"/>).</summary>
    FromEnvironment,

    /// <summary>The backend's fused step for the model's shape when it has one, else the generic ops.</summary>
    Specialized,

    /// <summary>Always the generic ops, one <see cref="Dllm.Kernels.IBackend"/> call at a time.</summary>
    Generic,
}
