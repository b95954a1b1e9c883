using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Specializations;

namespace Dllm.Cpu;

/// <summary>
/// The CPU backend: one pinned <see cref="CpuPath"/> (vector width) and a persistent worker pool. Every op
/// is batch invariant (DESIGN 3.3): a row's result is bitwise the same whatever the batch, its position
/// and the thread count, within one path. It specializes the block for every shape in the generated
/// <see cref="SpecializationTable"/> (<see cref="Specialize(ModelShape)"/>). Not thread-safe: one caller at a time (it owns its scratch).
/// </summary>
public sealed class CpuBackend : IBackend, IDisposable
{
    private readonly WorkerPool _pool;
    private readonly ICpuKernels _kernels;

    /// <summary>The path from <see cref="CpuPaths.FromEnvironment"/>, one thread per processor.</summary>
    public CpuBackend()
        : this(CpuPaths.FromEnvironment(), Environment.ProcessorCount)
    {
    }

    public CpuBackend(CpuPath path, int threads)
    {
        if (!CpuPaths.IsSupported(path))
        {
            throw new UnsupportedCpuPathException($"CPU path {path} is not accelerated on this processor. Supported: {string.Join(", ", CpuPaths.Supported)}.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Path = path;
        Threads = threads;
        Name = $"cpu/{path}";
        _pool = new WorkerPool(threads);
        _kernels = path switch
        {
            CpuPath.Scalar => new CpuKernels<ScalarFloat>(_pool, Name),
            CpuPath.Vector128 => new CpuKernels<Vector128Float>(_pool, Name),
            CpuPath.Vector256 => new CpuKernels<Vector256Float>(_pool, Name),
            CpuPath.Vector512 => new CpuKernels<Vector512Float>(_pool, Name),
            _ => throw new UnsupportedCpuPathException($"Unknown CPU path {path}."),
        };
    }

    public string Name { get; }

    public CpuPath Path { get; }

    public int Threads { get; }

    public void Embedding(WeightMatrix table, ReadOnlySpan<int> ids, Span<float> output) =>
        _kernels.Embedding(table, ids, output);

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y) =>
        _kernels.RmsNorm(x, weight, eps, y);

    public void MatMul(ReadOnlySpan<float> x, WeightMatrix w, ReadOnlySpan<float> bias, Span<float> y) =>
        _kernels.MatMul(x, w, bias, y);

    public void RopeRotateHalf(Span<float> x, ReadOnlySpan<int> positions, RopeTable table) =>
        _kernels.RopeRotateHalf(x, positions, table);

    public void Attention(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences) =>
        _kernels.Attention(q, k, v, output, shape, sequences);

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y) =>
        _kernels.SwiGlu(gate, up, y);

    public void Add(Span<float> x, ReadOnlySpan<float> delta) => _kernels.Add(x, delta);

    public void FusedHead(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        WeightMatrix head,
        Span<RowStats> stats,
        Span<float> logits) =>
        _kernels.FusedHead(hidden, normWeight, eps, head, stats, logits);

    /// <summary>
    /// The fused step generated for <paramref name="shape"/> (see <see cref="SpecializationLookup.Find"/>),
    /// at this backend's path, or null when no shipped config has that block shape.
    /// </summary>
    public IFusedDenoiseStep? Specialize(ModelShape shape) =>
        SpecializationLookup.Find(SpecializationTable.All, shape) is { } entry ? Specialize(entry) : null;

    /// <summary>
    /// The fused step over any generated entry, at this backend's path: also for entries generated outside
    /// this assembly (the tests run the generator over random configs and load what it writes).
    /// </summary>
    public IFusedDenoiseStep Specialize(SpecializationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _kernels.CreateFusedStep(entry);
    }

    public void Dispose()
    {
        ((IDisposable)_kernels).Dispose();
        _pool.Dispose();
    }
}
