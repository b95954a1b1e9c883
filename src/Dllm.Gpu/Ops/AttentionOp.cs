using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>
/// Attention over packed sequences; see <see cref="AttentionKernels"/>. <see cref="AttentionPasses"/>
/// lists the work rows and drives the three launches over host operands; <see cref="Launch"/> makes
/// them over operands already on the device (the fused step).
/// </summary>
internal sealed class AttentionOp(Accelerator accelerator) : IAttentionDevice
{
    private readonly Action<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<byte>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _scores =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<byte>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(AttentionKernels.Scores);
    private readonly Action<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>> _softmax =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>>(AttentionKernels.Softmax);
    private readonly Action<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _weightedValues =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(AttentionKernels.WeightedValues);
    private readonly DeviceBuffer<float> _q = new(accelerator);
    private readonly DeviceBuffer<float> _k = new(accelerator);
    private readonly DeviceBuffer<float> _v = new(accelerator);
    private readonly DeviceBuffer<float> _output = new(accelerator);
    private readonly DeviceBuffer<int> _rows = new(accelerator);
    private readonly DeviceBuffer<byte> _masks = new(accelerator);
    private readonly DeviceBuffer<float> _scoreBuffer = new(accelerator);
    private readonly DeviceBuffer<float> _sums = new(accelerator);

    // The views the launches of one call share.
    private ArrayView<int> _workRows;
    private ArrayView<float> _workScores;
    private ArrayView<float> _workSums;
    private ArrayView<float> _result;

    public void Scores(WorkRange range, AttentionLayout layout, ReadOnlySpan<int> rows, ReadOnlySpan<byte> masks, ReadOnlySpan<float> q, ReadOnlySpan<float> k)
    {
        _workRows = _rows.Upload(rows);
        ArrayView<byte> deviceMasks = _masks.Upload(masks);
        _workScores = _scoreBuffer.View(range.Count);
        _scores(range.Threads, range, layout, _workRows, deviceMasks, _q.Upload(q), _k.Upload(k), _workScores);
    }

    public void Softmax(WorkRange tasks, AttentionLayout layout)
    {
        _workSums = _sums.View(tasks.Count);
        _softmax(tasks.Threads, tasks, layout, _workRows, _workScores, _workSums);
    }

    public void WeightedValues(WorkRange range, AttentionLayout layout, ReadOnlySpan<float> v, int outputLength)
    {
        _result = _output.View(outputLength);
        _weightedValues(range.Threads, range, layout, _workRows, _workScores, _workSums, _v.Upload(v), _result);
    }

    /// <summary>
    /// Enqueues the three launches over <paramref name="q"/>, <paramref name="k"/> and <paramref name="v"/>
    /// already on the device, writing the work rows of <paramref name="output"/> [rows, QueryWidth].
    /// </summary>
    public void Launch(AttentionWorkRows work, AttentionShape shape, ArrayView<float> q, ArrayView<float> k, ArrayView<float> v, ArrayView<float> output)
    {
        if (work.Count == 0)
        {
            return;
        }
        var ranges = AttentionRanges.For(work, shape, accelerator.MaxNumThreads);
        AttentionLayout layout = work.Layout(shape);
        ArrayView<int> rows = _rows.Upload(work.Rows);
        ArrayView<float> scores = _scoreBuffer.View(ranges.Scores.Count);
        ArrayView<float> sums = _sums.View(ranges.Tasks.Count);
        _scores(ranges.Scores.Threads, ranges.Scores, layout, rows, _masks.Upload(work.Masks), q, k, scores);
        _softmax(ranges.Tasks.Threads, ranges.Tasks, layout, rows, scores, sums);
        _weightedValues(ranges.Outputs.Threads, ranges.Outputs, layout, rows, scores, sums, v, output);
    }

    public void DownloadOutput(int start, Span<float> destination) => Download.Into(accelerator, _result.SubView(start, destination.Length), destination);

    public void Dispose()
    {
        _q.Dispose();
        _k.Dispose();
        _v.Dispose();
        _output.Dispose();
        _rows.Dispose();
        _masks.Dispose();
        _scoreBuffer.Dispose();
        _sums.Dispose();
    }
}
