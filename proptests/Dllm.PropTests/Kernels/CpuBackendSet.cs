using Dllm.Cpu;

namespace Dllm.PropTests.Kernels;

/// <summary>
/// One CPU backend per supported path and thread count (1 and 2), shared by the properties of a class
/// (a class fixture: xunit runs a class's tests one at a time, and a backend serves one caller at a time).
/// </summary>
public sealed class CpuBackendSet : IBackendSet, IDisposable
{
    public static readonly int[] ThreadCounts = [1, 2];

    private readonly Dictionary<(CpuPath, int), CpuBackend> _backends = [];

    public CpuBackendSet()
    {
        foreach (CpuPath path in CpuPaths.Supported)
        {
            foreach (int threads in ThreadCounts)
            {
                _backends[(path, threads)] = new CpuBackend(path, threads);
            }
        }
    }

    public static IReadOnlyList<CpuPath> Paths => CpuPaths.Supported;

    public IReadOnlyList<BackendGroup> Groups => [.. Paths.Select(path => new BackendGroup(
        path.ToString(), [.. ThreadCounts.Select(threads => new BackendVariant($"{threads} thread(s)", Get(path, threads)))]))];

    public CpuBackend Get(CpuPath path, int threads) => _backends[(path, threads)];

    /// <summary>The multi-threaded backend of each path.</summary>
    public IEnumerable<CpuBackend> Widest => Paths.Select(path => Get(path, ThreadCounts[^1]));

    public void Dispose()
    {
        foreach (CpuBackend backend in _backends.Values)
        {
            backend.Dispose();
        }
    }
}
