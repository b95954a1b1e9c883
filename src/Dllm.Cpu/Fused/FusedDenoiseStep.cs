using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;

namespace Dllm.Cpu.Fused;

/// <summary>
/// The fused transformer block on the CPU, compiled per generated shape struct <typeparamref name="TShape"/>
/// (every dimension a JIT-time constant) and per vector width <typeparamref name="TVec"/>. Seven
/// dispatches per block instead of the generic twenty-two:
/// <list type="number">
/// <item>attention RMSNorm + pack into one panel (<see cref="NormPackJob{TShape, TVec}"/>);</item>
/// <item>Q, K, V (+ bias) from that panel in one dispatch (<see cref="QkvProjectionJob{TVec}"/>);</item>
/// <item>attention per (sequence, head) with RoPE applied while gathering and the output written as the
/// next panel (<see cref="RopePanelAttentionLayout{TVec}"/>);</item>
/// <item>output projection with the residual add as its epilogue (<see cref="ResidualProjectionJob{TVec}"/>);</item>
/// <item>MLP RMSNorm + pack;</item>
/// <item>gate and up with SwiGLU as the epilogue, written as the down projection's panel (<see cref="GateUpSwiGluJob{TVec}"/>);</item>
/// <item>down projection with the residual add as its epilogue.</item>
/// </list>
/// Every element goes through the generic op's own per-row routine or the same FMA chain, so the block is
/// bitwise equal to the generic op sequence on the same path, and batch invariant for the same reasons.
/// The projections read the layer's weights packed once into panels (<see cref="PackedWeight"/>, kept by
/// the step, so a model's weights take their size again in memory) by <see cref="PanelTile"/>, which
/// needs no per-call staging and covers the rows there are without padding them to whole vectors.
/// </summary>
internal sealed unsafe class FusedDenoiseStep<TShape, TVec> : IFusedDenoiseStep
    where TShape : struct, IStaticModelShape
    where TVec : struct, IFloatVector<TVec>
{
    private static int QueryWidth => TShape.NumHeads * TShape.HeadDim;
    private static int KvWidth => TShape.NumKvHeads * TShape.HeadDim;

    private readonly WorkerPool _pool;
    private readonly AttentionOp<TVec> _attention;
    private readonly FusedStepBuffers _buffers = new();
    private readonly ResidentWeightCache<PackedWeight> _packed;

    public FusedDenoiseStep(WorkerPool pool, string name)
    {
        _pool = pool;
        _packed = PackedWeight.Cache(pool, PanelTile.Width<TVec>());
        _attention = new AttentionOp<TVec>(pool);
        Name = name;
    }

    public string Name { get; }

    public ModelShape Shape => TShape.Shape;

    public void Block(
        Span<float> residual,
        LayerWeights weights,
        ReadOnlySpan<int> positions,
        ReadOnlySpan<SequenceSlice> sequences,
        RopeTable rope)
    {
        int rows = FusedStepChecks.Block(residual, weights, positions, rope, TShape.Shape);
        if (rows == 0)
        {
            return;
        }
        int paddedRows = MatMulPanel.PadRows(rows, TVec.Count);
        PackedWeight query = _packed.Get(weights.Query), key = _packed.Get(weights.Key), value = _packed.Get(weights.Value);
        PackedWeight output = _packed.Get(weights.AttentionOutput), gate = _packed.Get(weights.Gate), up = _packed.Get(weights.Up);
        PackedWeight down = _packed.Get(weights.Down);
        int width = PanelTile.Width<TVec>();
        int threads = _pool.ThreadCount;
        int qkvGroup = MatMulGrouping.GroupPanels(query.Panels + key.Panels + value.Panels, rows, width, threads);
        int outputGroup = MatMulGrouping.GroupPanels(output.Panels, rows, width, threads);
        int mlpGroup = MatMulGrouping.GroupPanels(gate.Panels, rows, width, threads, accumulatorSets: 2);
        _buffers.Ensure<TShape>(rows, paddedRows, threads, Math.Max(
            Math.Max(PackedMatMulJob<TVec>.ScratchFloats(Math.Max(qkvGroup, outputGroup), rows, width), GateUpSwiGluJob<TVec>.ScratchFloats(mlpGroup, rows, width)),
            NormPackJob<TShape, TVec>.ScratchFloats));

        var normed = new MatMulPanel(_buffers.Normed, rows, paddedRows, TShape.HiddenSize);
        var attended = new MatMulPanel(_buffers.Attended, rows, paddedRows, QueryWidth);
        var activated = new MatMulPanel(_buffers.Activated, rows, paddedRows, TShape.IntermediateSize);
        ScratchBuffer workers = _buffers.Workers;
        fixed (float* residualPointer = residual, attentionNorm = weights.AttentionNorm, mlpNorm = weights.FeedForwardNorm)
        fixed (float* queryBias = weights.QueryBias, keyBias = weights.KeyBias, valueBias = weights.ValueBias)
        fixed (int* positionPointer = positions)
        {
            _pool.Run(NormPackJob<TShape, TVec>.TaskCount(paddedRows), new NormPackJob<TShape, TVec>(residualPointer, attentionNorm, normed, workers));
            var qkv = new QkvProjectionJob<TVec>
            {
                Panel = normed,
                Query = new ProjectionTarget(query, TShape.QkvBias ? queryBias : null, _buffers.Query),
                Key = new ProjectionTarget(key, TShape.QkvBias ? keyBias : null, _buffers.Key),
                Value = new ProjectionTarget(value, TShape.QkvBias ? valueBias : null, _buffers.Value),
                Scratch = workers,
                GroupPanels = qkvGroup,
            };
            _pool.RunDynamic(qkv.TaskCount, qkvGroup, qkv);

            ClearPaddedColumns(attended);
            _attention.Run(
                new ReadOnlySpan<float>(_buffers.Query, rows * QueryWidth),
                new ReadOnlySpan<float>(_buffers.Key, rows * KvWidth),
                new ReadOnlySpan<float>(_buffers.Value, rows * KvWidth),
                new RopePanelAttentionLayout<TVec>(positionPointer, rope, attended.Packed, paddedRows),
                new AttentionShape(TShape.NumHeads, TShape.NumKvHeads, TShape.HeadDim),
                sequences);
            _pool.RunDynamic(output.Panels, outputGroup, new ResidualProjectionJob<TVec>
            {
                Panel = attended, Weight = output, Residual = residualPointer, Scratch = workers, GroupPanels = outputGroup,
            });

            _pool.Run(NormPackJob<TShape, TVec>.TaskCount(paddedRows), new NormPackJob<TShape, TVec>(residualPointer, mlpNorm, normed, workers));
            _pool.RunDynamic(gate.Panels, mlpGroup, new GateUpSwiGluJob<TVec>
            {
                Panel = normed, Gate = gate, Up = up, DownPanel = activated.Packed, Scratch = workers, GroupPanels = mlpGroup,
            });
            _pool.RunDynamic(down.Panels, outputGroup, new ResidualProjectionJob<TVec>
            {
                Panel = activated, Weight = down, Residual = residualPointer, Scratch = workers, GroupPanels = outputGroup,
            });
        }
    }

    /// <summary>Zeroes the panel's padded rows, which attention never writes (they stay padding, never stored).</summary>
    private static void ClearPaddedColumns(MatMulPanel panel)
    {
        int padding = panel.PaddedRows - panel.Rows;
        for (int k = 0; padding > 0 && k < panel.Depth; k++)
        {
            new Span<float>(panel.Packed + (long)k * panel.PaddedRows + panel.Rows, padding).Clear();
        }
    }

    public void Dispose()
    {
        _attention.Dispose();
        _buffers.Dispose();
        _packed.Dispose();
    }
}
