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
        var ranges = AttentionRanges.For(_work, shape, maxThreads);
        device.Scores(ranges.Scores, layout, _work.Rows, _work.Masks, q, k);
        device.Softmax(ranges.Tasks, layout);
        device.WeightedValues(ranges.Outputs, layout, v, output.Length);
        foreach (SequenceSlice sequence in sequences)
        {
            int start = sequence.Start * shape.QueryWidth;
            device.DownloadOutput(start, output.Slice(start, sequence.Length * shape.QueryWidth));
        }
    }

    public void Dispose() => device.Dispose();
}
