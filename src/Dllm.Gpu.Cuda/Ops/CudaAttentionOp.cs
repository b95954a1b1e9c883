using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>
/// Attention over packed sequences in three launches (attention_scores, attention_softmax,
/// attention_weighted_values) over the work rows <see cref="AttentionWorkRows"/> lists; only the
/// sequences' output rows are copied back.
/// </summary>
internal sealed class CudaAttentionOp(CudaContext context, CudaKernels kernels) : IDisposable
{
    private readonly CudaBuffer<float> _q = new(context);
    private readonly CudaBuffer<float> _k = new(context);
    private readonly CudaBuffer<float> _v = new(context);
    private readonly CudaBuffer<float> _output = new(context);
    private readonly CudaBuffer<int> _rows = new(context);
    private readonly CudaBuffer<byte> _masks = new(context);
    private readonly CudaBuffer<float> _scores = new(context);
    private readonly CudaBuffer<float> _sums = new(context);
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
        AttentionLayout layout = _work.Layout(shape);
        DeviceView<int> rows = _rows.Upload(_work.Rows);
        DeviceView<byte> masks = _masks.Upload(_work.Masks);
        WorkRange tasks = WorkRange.For((long)_work.Count * shape.NumHeads, context.MaxThreads, "Attention heads");
        WorkRange scoreRange = WorkRange.For((long)tasks.Count * _work.Longest, context.MaxThreads, "Attention scores");
        WorkRange outputRange = WorkRange.For((long)tasks.Count * shape.HeadDim, context.MaxThreads, "Attention outputs");
        DeviceView<float> scores = _scores.View(scoreRange.Count);
        DeviceView<float> sums = _sums.View(tasks.Count);
        DeviceView<float> result = _output.View(output.Length);
        kernels["attention_scores"].Start(scoreRange).Add(layout).Add(rows).Add(masks).Add(_q.Upload(q)).Add(_k.Upload(k)).Add(scores).Launch();
        kernels["attention_softmax"].Start(tasks).Add(layout).Add(rows).Add(scores).Add(sums).Launch();
        kernels["attention_weighted_values"].Start(outputRange).Add(layout).Add(rows).Add(scores).Add(sums).Add(_v.Upload(v)).Add(result).Launch();
        foreach (SequenceSlice sequence in sequences)
        {
            int start = sequence.Start * shape.QueryWidth;
            int length = sequence.Length * shape.QueryWidth;
            result.Slice(start, length).CopyTo(output.Slice(start, length));
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
        _scores.Dispose();
        _sums.Dispose();
    }
}
