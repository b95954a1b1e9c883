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

    public FusedDenoiseStep(WorkerPool pool, string name)
    {
        _pool = pool;
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
        int paddedRows = (rows + TVec.Count - 1) / TVec.Count * TVec.Count;
        int qkvTiles = MatMulGrouping.Tiles(QueryWidth) + 2 * MatMulGrouping.Tiles(KvWidth);
        int outputTiles = MatMulGrouping.Tiles(TShape.HiddenSize);
        int mlpTiles = MatMulGrouping.Tiles(TShape.IntermediateSize);
        int threads = _pool.ThreadCount;
        int qkvGroup = MatMulGrouping.GroupTiles(qkvTiles, paddedRows, threads);
        int outputGroup = MatMulGrouping.GroupTiles(outputTiles, paddedRows, threads);
        int mlpGroup = MatMulGrouping.GroupTiles(mlpTiles, paddedRows, threads, accumulatorSets: 2);
        _buffers.Ensure<TShape>(rows, paddedRows, threads, Math.Max(
            Math.Max(MatMulJob<TVec>.ScratchFloats(Math.Max(qkvGroup, outputGroup), paddedRows), GateUpSwiGluJob<TVec>.ScratchFloats(mlpGroup, paddedRows)),
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
                Query = new ProjectionTarget(weights.Query, TShape.QkvBias ? queryBias : null, _buffers.Query),
                Key = new ProjectionTarget(weights.Key, TShape.QkvBias ? keyBias : null, _buffers.Key),
                Value = new ProjectionTarget(weights.Value, TShape.QkvBias ? valueBias : null, _buffers.Value),
                Scratch = workers,
                GroupTiles = qkvGroup,
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
            _pool.RunDynamic(outputTiles, outputGroup, new ResidualProjectionJob<TVec>
            {
                Panel = attended, Weight = weights.AttentionOutput, Residual = residualPointer, Scratch = workers, GroupTiles = outputGroup,
            });

            _pool.Run(NormPackJob<TShape, TVec>.TaskCount(paddedRows), new NormPackJob<TShape, TVec>(residualPointer, mlpNorm, normed, workers));
            _pool.RunDynamic(mlpTiles, mlpGroup, new GateUpSwiGluJob<TVec>
            {
                Panel = normed, Gate = weights.Gate, Up = weights.Up, DownPanel = activated.Packed, Scratch = workers, GroupTiles = mlpGroup,
            });
            _pool.RunDynamic(outputTiles, outputGroup, new ResidualProjectionJob<TVec>
            {
                Panel = activated, Weight = weights.Down, Residual = residualPointer, Scratch = workers, GroupTiles = outputGroup,
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
    }
}
