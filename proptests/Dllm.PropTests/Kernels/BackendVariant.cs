using Dllm.Kernels;

namespace Dllm.PropTests.Kernels;

/// <summary>A backend and how it runs its path, for property labels ("2 thread(s)", "2 CPU-accelerator threads").</summary>
public sealed record BackendVariant(string Parallelism, IBackend Backend);
