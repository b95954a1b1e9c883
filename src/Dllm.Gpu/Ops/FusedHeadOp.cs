using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>
/// Final norm → LM head → row statistics, all on the device, in chunks of <see cref="ChunkRows"/> rows:
/// the logits of a chunk live only in device scratch, and only the statistics (5 numbers a row) come
/// back, plus the logits rows when the caller passes a span for them.
/// </summary>
internal sealed class FusedHeadOp(Accelerator accelerator, RmsNormOp rmsNorm, MatMulOp matMul) : IDisposable
{
    public const int ChunkRows = FusedHeadChunk.Rows;

    private readonly Action<Index1D, WorkRange, ArrayView<float>, int, ArrayView<int>> _top2 =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, int, ArrayView<int>>(RowStatisticsKernels.Top2);
    private readonly Action<Index1D, WorkRange, ArrayView<float>, int, ArrayView<int>, ArrayView<double>> _expTerms =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, int, ArrayView<int>, ArrayView<double>>(RowStatisticsKernels.ExpTerms);
    private readonly Action<Index1D, WorkRange, ArrayView<float>, int, ArrayView<int>, ArrayView<double>, ArrayView<float>> _finish =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, int, ArrayView<int>, ArrayView<double>, ArrayView<float>>(RowStatisticsKernels.Finish);
    private readonly DeviceBuffer<float> _hidden = new(accelerator);
    private readonly DeviceBuffer<float> _normWeight = new(accelerator);
    private readonly DeviceBuffer<float> _normed = new(accelerator);
    private readonly DeviceBuffer<float> _logits = new(accelerator);
    private readonly DeviceBuffer<int> _top = new(accelerator);
    private readonly DeviceBuffer<double> _terms = new(accelerator);
    private readonly DeviceBuffer<float> _values = new(accelerator);
    private readonly int[] _hostTop = new int[2 * ChunkRows];
    private readonly float[] _hostValues = new float[3 * ChunkRows];

    public void Run(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        DeviceMatrix head,
        Span<RowStats> stats,
        Span<float> logits)
    {
        int width = head.Cols;
        int vocabulary = head.Rows;
        int rows = stats.Length;
        if (normWeight.Length != width || hidden.Length < (long)rows * width || vocabulary == 0)
        {
            throw new ArgumentException($"FusedHead shapes disagree: hidden {hidden.Length} floats for {rows} rows, norm {normWeight.Length}, head [{vocabulary}, {width}].");
        }
        if (!logits.IsEmpty && logits.Length < (long)rows * vocabulary)
        {
            throw new ArgumentException($"Logits have {logits.Length} floats, need {rows} x {vocabulary}.", nameof(logits));
        }
        ArrayView<float> weight = _normWeight.Upload(normWeight);
        for (int r0 = 0; r0 < rows; r0 += ChunkRows)
        {
            int count = Math.Min(ChunkRows, rows - r0);
            long chunkLogits = (long)count * vocabulary;
            ArrayView<float> normed = _normed.View((long)count * width);
            ArrayView<float> rowLogits = _logits.View(chunkLogits);
            ArrayView<int> top = _top.View(2L * count);
            ArrayView<double> terms = _terms.View(chunkLogits);
            ArrayView<float> values = _values.View(3L * count);
            rmsNorm.Launch(_hidden.Upload(hidden.Slice(r0 * width, count * width)), weight, eps, count, normed);
            matMul.Launch(normed, head, ArrayView<float>.Empty, count, rowLogits);
            var rowRange = WorkRange.For(count, accelerator.MaxNumThreads, "FusedHead rows");
            var logitRange = WorkRange.For(chunkLogits, accelerator.MaxNumThreads, "FusedHead logits");
            _top2(rowRange.Threads, rowRange, rowLogits, vocabulary, top);
            _expTerms(logitRange.Threads, logitRange, rowLogits, vocabulary, top, terms);
            _finish(rowRange.Threads, rowRange, rowLogits, vocabulary, top, terms, values);
            Download.Into(accelerator, top, _hostTop.AsSpan(0, 2 * count));
            Download.Into(accelerator, values, _hostValues.AsSpan(0, 3 * count));
            if (!logits.IsEmpty)
            {
                Download.Into(accelerator, rowLogits, logits.Slice(r0 * vocabulary, count * vocabulary));
            }
            for (int r = 0; r < count; r++)
            {
                int best = _hostTop[2 * r];
                int second = _hostTop[2 * r + 1];
                stats[r0 + r] = new RowStats(best, second < 0 ? best : second, _hostValues[3 * r], _hostValues[3 * r + 1], _hostValues[3 * r + 2]);
            }
        }
    }

    public void Dispose()
    {
        _hidden.Dispose();
        _normWeight.Dispose();
        _normed.Dispose();
        _logits.Dispose();
        _top.Dispose();
        _terms.Dispose();
        _values.Dispose();
    }
}
