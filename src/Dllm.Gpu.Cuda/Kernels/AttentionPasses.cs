using Dllm.Kernels;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// Attention over packed sequences on either GPU backend: lists the work rows (<see cref="AttentionWorkRows"/>),
/// sizes the three launches, makes them on <paramref name="device"/> (which it owns) and copies back only the
/// sequences' output rows. Scores take work rows · heads · longest sequence floats on the device.
/// </summary>
public sealed class AttentionPasses(IAttentionDevice device, int maxThreads) : IDisposable
{
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
        WorkRange tasks = WorkRange.For((long)_work.Count * shape.NumHeads, maxThreads, "Attention heads");
        WorkRange scoreRange = WorkRange.For((long)tasks.Count * _work.Longest, maxThreads, "Attention scores");
        WorkRange outputRange = WorkRange.For((long)tasks.Count * shape.HeadDim, maxThreads, "Attention outputs");
        device.Scores(scoreRange, layout, _work.Rows, _work.Masks, q, k);
        device.Softmax(tasks, layout);
        device.WeightedValues(outputRange, layout, v, output.Length);
        foreach (SequenceSlice sequence in sequences)
        {
            int start = sequence.Start * shape.QueryWidth;
            device.DownloadOutput(start, output.Slice(start, sequence.Length * shape.QueryWidth));
        }
    }

    public void Dispose() => device.Dispose();
}
