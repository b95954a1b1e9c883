using Dllm.Gpu.Fused;
using Dllm.Gpu.Kernels;
using Dllm.Gpu.Ops;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Specializations;
using ILGPU.Runtime;

namespace Dllm.Gpu;

/// <summary>
/// The backend contract on an ILGPU accelerator (CUDA, OpenCL, or ILGPU's CPU accelerator in tests).
/// Weights are uploaded once, in their own dtype, and stay resident (<see cref="DeviceWeightCache"/>);
/// activations travel to the device and back on every call (phase 1: the model hands the backend host
/// spans). Every kernel gives each result to one thread that reduces in index order, so a row's result is
/// bitwise the same whatever the batch, its position in it and the launch shape (DESIGN 3.3), with no
/// atomics anywhere. For every shape in the generated <see cref="SpecializationTable"/> it also offers a
/// fused block (<see cref="Specialize(ModelShape)"/>) that keeps the activations on the device for the
/// whole block. Not thread-safe: one caller at a time, like the CPU backend.
/// </summary>
public sealed class IlgpuBackend : IBackend
{
    private readonly Accelerator _accelerator;
    private readonly GpuDevices? _ownedDevices;
    private readonly ResidentWeightCache<DeviceMatrix> _weights;
    private readonly EmbeddingOp _embedding;
    private readonly RmsNormOp _rmsNorm;
    private readonly MatMulOp _matMul;
    private readonly RopeRotateHalfOp _rope;
    private readonly AttentionOp _attentionOp;
    private readonly AttentionPasses _attention;
    private readonly ElementwiseOp _elementwise;
    private readonly FusedHeadPasses<DeviceMatrix> _fusedHead;

    /// <summary>A backend on <paramref name="accelerator"/>, which it takes over and disposes.</summary>
    public IlgpuBackend(Accelerator accelerator)
        : this(accelerator, ownedDevices: null)
    {
    }

    private IlgpuBackend(Accelerator accelerator, GpuDevices? ownedDevices)
    {
        _accelerator = accelerator;
        _ownedDevices = ownedDevices;
        Name = $"ilgpu/{accelerator.AcceleratorType}";
        _weights = new ResidentWeightCache<DeviceMatrix>((matrix, fingerprint) => new DeviceMatrix(accelerator, matrix, fingerprint));
        _embedding = new EmbeddingOp(accelerator);
        _rmsNorm = new RmsNormOp(accelerator);
        _matMul = new MatMulOp(accelerator);
        _rope = new RopeRotateHalfOp(accelerator);
        _attentionOp = new AttentionOp(accelerator);
        _attention = new AttentionPasses(_attentionOp, accelerator.MaxNumThreads);
        _elementwise = new ElementwiseOp(accelerator);
        _fusedHead = new FusedHeadPasses<DeviceMatrix>(new FusedHeadOp(accelerator, _rmsNorm, _matMul), accelerator.MaxNumThreads);
    }

    /// <summary>Opens device <paramref name="index"/> of <paramref name="kind"/> in a context of its own.</summary>
    /// <exception cref="GpuDeviceUnavailableException">No such device, or its driver is missing.</exception>
    public static IlgpuBackend Open(GpuDeviceKind kind, int index = 0)
    {
        var devices = new GpuDevices();
        try
        {
            return new IlgpuBackend(devices.CreateAccelerator(kind, index), devices);
        }
        catch
        {
            devices.Dispose();
            throw;
        }
    }

    public string Name { get; }

    /// <summary>Device memory in bytes, as the driver reports it.</summary>
    public long DeviceMemoryBytes => _accelerator.MemorySize;

    /// <summary>Throws <see cref="GpuDeviceUnavailableException"/> when <paramref name="estimate"/> exceeds the device memory.</summary>
    public void EnsureFits(GpuMemoryEstimate estimate) => estimate.EnsureFits(DeviceMemoryBytes, $"{Name} ({_accelerator.Name})");

    /// <summary>Bytes of weights uploaded so far.</summary>
    public long ResidentWeightBytes => _weights.ResidentBytes;

    /// <summary>Frees the device copies of all weights (before running another model on this backend).</summary>
    public void ReleaseWeights() => _weights.Clear();

    public void Embedding(WeightMatrix table, ReadOnlySpan<int> ids, Span<float> output) =>
        _embedding.Run(_weights.Get(table), ids, output);

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y) =>
        _rmsNorm.Run(x, weight, eps, y);

    public void MatMul(ReadOnlySpan<float> x, WeightMatrix w, ReadOnlySpan<float> bias, Span<float> y) =>
        _matMul.Run(x, _weights.Get(w), bias, y);

    public void RopeRotateHalf(Span<float> x, ReadOnlySpan<int> positions, RopeTable table) =>
        _rope.Run(x, positions, table);

    public void Attention(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences) =>
        _attention.Run(q, k, v, output, shape, sequences);

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y) => _elementwise.SwiGlu(gate, up, y);

    public void Add(Span<float> x, ReadOnlySpan<float> delta) => _elementwise.Add(x, delta);

    public void FusedHead(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        WeightMatrix head,
        Span<RowStats> stats,
        Span<float> logits) =>
        _fusedHead.Run(hidden, normWeight, eps, _weights.Get(head), stats, logits);

    /// <summary>
    /// The fused step generated for <paramref name="shape"/> (see <see cref="SpecializationLookup.Find"/>) on
    /// this accelerator, or null when no shipped config has that block shape. It shares this backend's
    /// resident weights: dispose it before the backend.
    /// </summary>
    public IFusedDenoiseStep? Specialize(ModelShape shape) =>
        SpecializationLookup.Find(SpecializationTable.All, shape) is { } entry ? Specialize(entry) : null;

    /// <summary>The fused step over any generated entry, also one generated outside this assembly (tests over random configs).</summary>
    public IFusedDenoiseStep Specialize(SpecializationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Accept(new IlgpuFusedStepFactory(_accelerator, _weights, _attentionOp, entry.Name));
    }

    public void Dispose()
    {
        _fusedHead.Dispose();
        _elementwise.Dispose();
        _attention.Dispose();
        _rope.Dispose();
        _matMul.Dispose();
        _rmsNorm.Dispose();
        _embedding.Dispose();
        _weights.Dispose();
        _accelerator.Dispose();
        _ownedDevices?.Dispose();
    }
}
