using Dllm.Cpu.Fused;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;

namespace Dllm.Cpu;

/// <summary>Every op and fused step at one vector width: the single body the four CPU paths instantiate.</summary>
internal sealed class CpuKernels<TVec> : ICpuKernels, IDisposable where TVec : struct, IFloatVector<TVec>
{
    private readonly WorkerPool _pool;
    private readonly MatMulOp<TVec> _matMul;
    private readonly AttentionOp<TVec> _attention;
    private readonly FusedHeadOp<TVec> _fusedHead;

    public CpuKernels(WorkerPool pool, string name)
    {
        _pool = pool;
        Name = name;
        _matMul = new MatMulOp<TVec>(pool);
        _attention = new AttentionOp<TVec>(pool);
        _fusedHead = new FusedHeadOp<TVec>(pool);
    }

    public string Name { get; }

    public void Embedding(WeightMatrix table, ReadOnlySpan<int> ids, Span<float> output) =>
        EmbeddingOp<TVec>.Run(table, ids, output);

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y) =>
        RmsNormOp<TVec>.Run(_pool, x, weight, eps, y);

    public void MatMul(ReadOnlySpan<float> x, WeightMatrix w, ReadOnlySpan<float> bias, Span<float> y) =>
        _matMul.Run(x, w, bias, y);

    public void RopeRotateHalf(Span<float> x, ReadOnlySpan<int> positions, RopeTable table) =>
        RopeRotateHalfOp<TVec>.Run(_pool, x, positions, table);

    public void Attention(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences) =>
        _attention.Run(q, k, v, output, shape, sequences);

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y) =>
        ElementwiseOp<TVec>.Run<SwiGluOperator>(_pool, gate, up, y);

    public void Add(Span<float> x, ReadOnlySpan<float> delta) =>
        ElementwiseOp<TVec>.Run<AddOperator>(_pool, x, delta, x);

    public void FusedHead(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        WeightMatrix head,
        Span<RowStats> stats,
        Span<float> logits) =>
        _fusedHead.Run(hidden, normWeight, eps, head, stats, logits);

    public IFusedDenoiseStep CreateFusedStep(SpecializationEntry entry) =>
        entry.Accept(new FusedStepFactory<TVec>(_pool, entry.Name));

    public void Dispose()
    {
        _matMul.Dispose();
        _attention.Dispose();
        _fusedHead.Dispose();
    }
}
