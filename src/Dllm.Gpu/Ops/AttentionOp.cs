using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>
/// Attention over packed sequences; see <see cref="AttentionKernels"/>. The host lists the work rows (rows
/// that belong to a sequence) with their sequence and mask row, and flattens the masks to bytes; only the
/// sequences' output rows are written back. Scores take work rows · heads · longest sequence floats on the device.
/// </summary>
internal sealed class AttentionOp(Accelerator accelerator) : IDisposable
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
    private readonly AttentionWorkRows _work = new();

    public void Run(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences)
    {
        _work.Describe(q.Length, k.Length, v.Length, output.Length, shape, sequences);
        if (_work.Count == 0)
        {
            return;
        }
        int longest = _work.Longest;
        AttentionLayout layout = _work.Layout(shape);
        ArrayView<int> rows = _rows.Upload(_work.Rows);
        ArrayView<byte> masks = _masks.Upload(_work.Masks);
        var tasks = WorkRange.For((long)_work.Count * shape.NumHeads, accelerator.MaxNumThreads, "Attention heads");
        var scoreRange = WorkRange.For((long)tasks.Count * longest, accelerator.MaxNumThreads, "Attention scores");
        var outputRange = WorkRange.For((long)tasks.Count * shape.HeadDim, accelerator.MaxNumThreads, "Attention outputs");
        ArrayView<float> scores = _scoreBuffer.View(scoreRange.Count);
        ArrayView<float> sums = _sums.View(tasks.Count);
        ArrayView<float> result = _output.View(output.Length);
        _scores(scoreRange.Threads, scoreRange, layout, rows, masks, _q.Upload(q), _k.Upload(k), scores);
        _softmax(tasks.Threads, tasks, layout, rows, scores, sums);
        _weightedValues(outputRange.Threads, outputRange, layout, rows, scores, sums, _v.Upload(v), result);
        accelerator.Synchronize();
        foreach (SequenceSlice sequence in sequences)
        {
            int start = sequence.Start * shape.QueryWidth;
            int length = sequence.Length * shape.QueryWidth;
            Download.Into(accelerator, result.SubView(start, length), output.Slice(start, length));
        }
    }

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
