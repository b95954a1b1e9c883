using Dllm.Kernels;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// The fused head (final norm → LM head → row statistics) on either GPU backend: checks the operands,
/// walks the rows in chunks of <see cref="FusedHeadChunk.Rows"/> so the logits of a chunk live only in
/// device scratch, runs each chunk's steps on <paramref name="device"/> (which it owns) and turns the
/// downloaded statistics into <see cref="RowStats"/>.
/// </summary>
public sealed class FusedHeadPasses<TMatrix>(IFusedHeadDevice<TMatrix> device, int maxThreads) : IDisposable
    where TMatrix : IResidentMatrix
{
    private const int ChunkRows = FusedHeadChunk.Rows;

    private readonly int[] _top = new int[2 * ChunkRows];
    private readonly float[] _values = new float[3 * ChunkRows];

    public void Run(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        TMatrix head,
        Span<RowStats> stats,
        Span<float> logits)
    {
        int width = head.Cols;
        int vocabulary = head.Rows;
        int rows = stats.Length;
        OpShapeChecks.FusedHead(hidden, normWeight, vocabulary, width, rows, logits);
        device.UploadNormWeight(normWeight);
        for (int r0 = 0; r0 < rows; r0 += ChunkRows)
        {
            int count = Math.Min(ChunkRows, rows - r0);
            device.NormAndProject(head, hidden.Slice(r0 * width, count * width), count, eps);
            WorkRange rowRange = WorkRange.For(count, maxThreads, "FusedHead rows");
            WorkRange logitRange = WorkRange.For((long)count * vocabulary, maxThreads, "FusedHead logits");
            device.Top2(rowRange, vocabulary);
            device.ExpTerms(logitRange, vocabulary);
            device.Finish(rowRange, vocabulary);
            device.DownloadChunk(_top.AsSpan(0, 2 * count), _values.AsSpan(0, 3 * count), logits.IsEmpty ? default : logits.Slice(r0 * vocabulary, count * vocabulary));
            for (int r = 0; r < count; r++)
            {
                int best = _top[2 * r];
                int second = _top[2 * r + 1];
                stats[r0 + r] = new RowStats(best, second < 0 ? best : second, _values[3 * r], _values[3 * r + 1], _values[3 * r + 2]);
            }
        }
    }

    public void Dispose() => device.Dispose();
}
