namespace Dllm.PropTests.Kernels;

/// <summary>
/// Backends for the kernel properties, grouped by computation path: the variants of a group run the same
/// path with different parallelism (threads, launch shape) and must agree bitwise (DESIGN 3.3).
/// </summary>
public interface IBackendSet
{
    IReadOnlyList<BackendGroup> Groups { get; }
}
