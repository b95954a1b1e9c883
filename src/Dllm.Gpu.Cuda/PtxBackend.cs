using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Cuda.Ops;
using Dllm.Gpu.Cuda.Ptx;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda;

/// <summary>
/// The backend contract on a CUDA device through the driver API, launching the kernels Dllm.Gpu defines
/// as PTX that tools/PtxCompiler compiled ahead of time with ILGPU (embedded in this assembly), so it
/// works inside the Native AOT dllm, where ILGPU cannot compile. Same kernels, same launches and
/// buffers as IlgpuBackend on CUDA: weights resident in their dtype, activations copied per op,
/// one result per thread, no atomics. Not thread-safe: one caller at a time.
/// </summary>
public sealed class PtxBackend : IBackend
{
    private readonly CudaContext _context;
    private readonly CudaKernels _kernels;
    private readonly ResidentWeightCache<CudaMatrix> _weights;
    private readonly CudaEmbeddingOp _embedding;
    private readonly CudaRmsNormOp _rmsNorm;
    private readonly CudaMatMulOp _matMul;
    private readonly CudaRopeRotateHalfOp _rope;
    private readonly AttentionPasses _attention;
    private readonly CudaElementwiseOp _elementwise;
    private readonly FusedHeadPasses<CudaMatrix> _fusedHead;

    private PtxBackend(CudaContext context, CudaKernels kernels)
    {
        _context = context;
        _kernels = kernels;
        Name = "cuda/ptx";
        _weights = new ResidentWeightCache<CudaMatrix>((matrix, fingerprint) => new CudaMatrix(context, matrix, fingerprint));
        _embedding = new CudaEmbeddingOp(context, kernels);
        _rmsNorm = new CudaRmsNormOp(context, kernels);
        _matMul = new CudaMatMulOp(context, kernels);
        _rope = new CudaRopeRotateHalfOp(context, kernels);
        _attention = new AttentionPasses(new CudaAttentionOp(context, kernels), context.MaxThreads);
        _elementwise = new CudaElementwiseOp(context, kernels);
        _fusedHead = new FusedHeadPasses<CudaMatrix>(new CudaFusedHeadOp(context, kernels, _rmsNorm, _matMul), context.MaxThreads);
    }

    /// <summary>
    /// Reads the embedded PTX (no driver needed, so a build without it fails first), then opens CUDA device
    /// <paramref name="ordinal"/> and loads the kernels into it.
    /// </summary>
    /// <exception cref="GpuDeviceUnavailableException">No driver, no such device, or the driver rejects the PTX.</exception>
    public static PtxBackend Open(int ordinal = 0)
    {
        IReadOnlyList<PtxModule> modules = EmbeddedPtx.LoadAll();
        CudaContext context = CudaContext.Open(ordinal);
        try
        {
            return new PtxBackend(context, new CudaKernels(modules));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public string Name { get; }

    /// <summary>The device's name, as the driver reports it.</summary>
    public string DeviceName => _context.Name;

    public long DeviceMemoryBytes => _context.MemoryBytes;

    /// <summary>Throws <see cref="GpuDeviceUnavailableException"/> when <paramref name="estimate"/> exceeds the device memory.</summary>
    public void EnsureFits(GpuMemoryEstimate estimate) => estimate.EnsureFits(DeviceMemoryBytes, $"CUDA device {_context.Ordinal} ({DeviceName})");

    public long ResidentWeightBytes => _weights.ResidentBytes;

    public void Embedding(WeightMatrix table, ReadOnlySpan<int> ids, Span<float> output)
    {
        _context.MakeCurrent();
        _embedding.Run(_weights.Get(table), ids, output);
    }

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y)
    {
        _context.MakeCurrent();
        _rmsNorm.Run(x, weight, eps, y);
    }

    public void MatMul(ReadOnlySpan<float> x, WeightMatrix w, ReadOnlySpan<float> bias, Span<float> y)
    {
        _context.MakeCurrent();
        _matMul.Run(x, _weights.Get(w), bias, y);
    }

    public void RopeRotateHalf(Span<float> x, ReadOnlySpan<int> positions, RopeTable table)
    {
        _context.MakeCurrent();
        _rope.Run(x, positions, table);
    }

    public void Attention(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences)
    {
        _context.MakeCurrent();
        _attention.Run(q, k, v, output, shape, sequences);
    }

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        _context.MakeCurrent();
        _elementwise.SwiGlu(gate, up, y);
    }

    public void Add(Span<float> x, ReadOnlySpan<float> delta)
    {
        _context.MakeCurrent();
        _elementwise.Add(x, delta);
    }

    public void FusedHead(ReadOnlySpan<float> hidden, ReadOnlySpan<float> normWeight, float eps, WeightMatrix head, Span<RowStats> stats, Span<float> logits)
    {
        _context.MakeCurrent();
        _fusedHead.Run(hidden, normWeight, eps, _weights.Get(head), stats, logits);
    }

    public void Dispose()
    {
        _context.MakeCurrent();
        _fusedHead.Dispose();
        _elementwise.Dispose();
        _attention.Dispose();
        _rope.Dispose();
        _matMul.Dispose();
        _rmsNorm.Dispose();
        _embedding.Dispose();
        _weights.Dispose();
        _kernels.Dispose();
        _context.Dispose();
    }
}
