using Dllm.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>
/// Final norm → LM head → row statistics, all on the device; <see cref="FusedHeadPasses{TMatrix}"/> drives the
/// chunks, and only the statistics (5 numbers a row) come back, plus the logits rows when asked for.
/// </summary>
internal sealed class FusedHeadOp(Accelerator accelerator, RmsNormOp rmsNorm, MatMulOp matMul) : IFusedHeadDevice<DeviceMatrix>
{
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

    // The call's uploaded norm weight and the current chunk's scratch views.
    private ArrayView<float> _weight;
    private ArrayView<float> _chunkLogits;
    private ArrayView<int> _chunkTop;
    private ArrayView<double> _chunkTerms;
    private ArrayView<float> _chunkValues;

    public void UploadNormWeight(ReadOnlySpan<float> normWeight) => _weight = _normWeight.Upload(normWeight);

    public void NormAndProject(DeviceMatrix head, ReadOnlySpan<float> hidden, int rows, float eps)
    {
        ArrayView<float> normed = _normed.View((long)rows * head.Cols);
        _chunkLogits = _logits.View((long)rows * head.Rows);
        rmsNorm.Launch(_hidden.Upload(hidden), _weight, eps, rows, normed);
        matMul.Launch(normed, head, ArrayView<float>.Empty, rows, _chunkLogits);
    }

    public void Top2(WorkRange rows, int vocabulary)
    {
        _chunkTop = _top.View(2L * rows.Count);
        _top2(rows.Threads, rows, _chunkLogits, vocabulary, _chunkTop);
    }

    public void ExpTerms(WorkRange logits, int vocabulary)
    {
        _chunkTerms = _terms.View(logits.Count);
        _expTerms(logits.Threads, logits, _chunkLogits, vocabulary, _chunkTop, _chunkTerms);
    }

    public void Finish(WorkRange rows, int vocabulary)
    {
        _chunkValues = _values.View(3L * rows.Count);
        _finish(rows.Threads, rows, _chunkLogits, vocabulary, _chunkTop, _chunkTerms, _chunkValues);
    }

    public void DownloadChunk(Span<int> top, Span<float> values, Span<float> logits)
    {
        Download.Into(accelerator, _chunkTop, top);
        Download.Into(accelerator, _chunkValues, values);
        Download.Into(accelerator, _chunkLogits, logits);
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
