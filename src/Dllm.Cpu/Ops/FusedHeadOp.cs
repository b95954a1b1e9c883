using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// Final norm → LM head → per-row statistics, in chunks of <see cref="ChunkRows"/> rows: the chunk is
/// normalised, multiplied by the head with the batch-invariant matmul (parallel over the vocabulary), and
/// each logits row is reduced by <see cref="RowStatistics.FromLogits"/> (parallel over rows). Logits exist
/// only for the rows asked about, in a reused scratch unless the caller wants them. The head is packed
/// once (<see cref="PackedWeight"/>, as many bytes again as the head) and kept while the same head comes
/// back: with no per-call staging, a 126k-word head over a handful of rows runs at the speed memory
/// delivers it instead of at the cost of 16 rows, and the same bits as the in-place matmul.
/// </summary>
internal sealed unsafe class FusedHeadOp<TVec>(WorkerPool pool) : IDisposable
    where TVec : struct, IFloatVector<TVec>
{
    /// <summary>Rows per pass over the head weights: enough to be compute-bound, small enough to bound scratch (64 × 126k floats = 32 MiB).</summary>
    public const int ChunkRows = 64;

    private readonly PackedMatMulOp<TVec> _matMul = new(pool);
    private readonly ResidentWeightCache<PackedWeight> _heads = PackedWeight.Cache(pool, PanelTile.Width<TVec>());
    private readonly ScratchBuffer _normed = new();
    private readonly ScratchBuffer _logits = new();

    public void Run(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        WeightMatrix head,
        Span<RowStats> stats,
        Span<float> logits)
    {
        int width = head.Cols;
        int vocabulary = head.Rows;
        int rows = stats.Length;
        OpShapeChecks.FusedHead(hidden, normWeight, vocabulary, width, rows, logits);
        int chunk = Math.Min(rows, ChunkRows);
        PackedWeight packedHead = _heads.Get(head);
        _normed.EnsureCapacity(1, (long)chunk * width);
        if (logits.IsEmpty)
        {
            _logits.EnsureCapacity(1, (long)chunk * vocabulary);
        }
        for (int r0 = 0; r0 < rows; r0 += ChunkRows)
        {
            int count = Math.Min(ChunkRows, rows - r0);
            var normed = new Span<float>(_normed.Slice(0), count * width);
            Span<float> rowLogits = logits.IsEmpty
                ? new Span<float>(_logits.Slice(0), count * vocabulary)
                : logits.Slice(r0 * vocabulary, count * vocabulary);
            RmsNormOp<TVec>.Run(pool, hidden.Slice(r0 * width, count * width), normWeight, eps, normed);
            _matMul.Run(normed, packedHead, rowLogits);
            fixed (float* logitsPointer = rowLogits)
            fixed (RowStats* statsPointer = stats.Slice(r0, count))
            {
                pool.Run(count, new RowStatisticsJob(logitsPointer, vocabulary, statsPointer));
            }
        }
    }

    public void Dispose()
    {
        _matMul.Dispose();
        _heads.Dispose();
        _normed.Dispose();
        _logits.Dispose();
    }
}
