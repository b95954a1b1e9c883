using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>
/// Final norm → LM head → row statistics on the device (rmsnorm, matmul, rowstats_top2,
/// rowstats_exp_terms, rowstats_finish), in chunks of <see cref="FusedHeadChunk.Rows"/> rows: only the
/// statistics come back, plus the logits rows when the caller passes a span for them.
/// </summary>
internal sealed class CudaFusedHeadOp(CudaContext context, CudaKernels kernels, CudaRmsNormOp rmsNorm, CudaMatMulOp matMul) : IDisposable
{
    private const int ChunkRows = FusedHeadChunk.Rows;

    private readonly CudaBuffer<float> _hidden = new(context);
    private readonly CudaBuffer<float> _normWeight = new(context);
    private readonly CudaBuffer<float> _normed = new(context);
    private readonly CudaBuffer<float> _logits = new(context);
    private readonly CudaBuffer<int> _top = new(context);
    private readonly CudaBuffer<double> _terms = new(context);
    private readonly CudaBuffer<float> _values = new(context);
    private readonly int[] _hostTop = new int[2 * ChunkRows];
    private readonly float[] _hostValues = new float[3 * ChunkRows];

    public void Run(ReadOnlySpan<float> hidden, ReadOnlySpan<float> normWeight, float eps, CudaMatrix head, Span<RowStats> stats, Span<float> logits)
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
        DeviceView<float> weight = _normWeight.Upload(normWeight);
        for (int r0 = 0; r0 < rows; r0 += ChunkRows)
        {
            int count = Math.Min(ChunkRows, rows - r0);
            long chunkLogits = (long)count * vocabulary;
            DeviceView<float> normed = _normed.View((long)count * width);
            DeviceView<float> rowLogits = _logits.View(chunkLogits);
            DeviceView<int> top = _top.View(2L * count);
            DeviceView<double> terms = _terms.View(chunkLogits);
            DeviceView<float> values = _values.View(3L * count);
            rmsNorm.Launch(_hidden.Upload(hidden.Slice(r0 * width, count * width)), weight, eps, count, normed);
            matMul.Launch(normed, head, DeviceView<float>.Empty, count, rowLogits);
            WorkRange rowRange = WorkRange.For(count, context.MaxThreads, "FusedHead rows");
            WorkRange logitRange = WorkRange.For(chunkLogits, context.MaxThreads, "FusedHead logits");
            kernels["rowstats_top2"].Start(rowRange).Add(rowLogits).Add(vocabulary).Add(top).Launch();
            kernels["rowstats_exp_terms"].Start(logitRange).Add(rowLogits).Add(vocabulary).Add(top).Add(terms).Launch();
            kernels["rowstats_finish"].Start(rowRange).Add(rowLogits).Add(vocabulary).Add(top).Add(terms).Add(values).Launch();
            top.CopyTo(_hostTop.AsSpan(0, 2 * count));
            values.CopyTo(_hostValues.AsSpan(0, 3 * count));
            if (!logits.IsEmpty)
            {
                rowLogits.CopyTo(logits.Slice(r0 * vocabulary, count * vocabulary));
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
