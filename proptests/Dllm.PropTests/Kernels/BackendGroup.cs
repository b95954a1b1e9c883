using Dllm.Kernels;

namespace Dllm.PropTests.Kernels;

/// <summary>One computation path (a CPU path, the ILGPU kernels) and its variants; the first is the baseline the others must equal.</summary>
public sealed record BackendGroup(string Path, IReadOnlyList<BackendVariant> Variants)
{
    /// <summary>The most parallel variant.</summary>
    public IBackend Widest => Variants[^1].Backend;
}
