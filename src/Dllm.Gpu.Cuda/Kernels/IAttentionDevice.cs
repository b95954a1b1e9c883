namespace Dllm.Gpu.Kernels;

/// <summary>
/// The three attention launches, which each GPU backend makes on its own buffers (each step sizes its own
/// output); <see cref="AttentionPasses"/> calls them in order, then copies the sequences' rows back.
/// </summary>
public interface IAttentionDevice : IDisposable
{
    /// <summary>Uploads the work rows, masks, q and k, then kernel attention_scores.</summary>
    void Scores(WorkRange range, AttentionLayout layout, ReadOnlySpan<int> rows, ReadOnlySpan<byte> masks, ReadOnlySpan<float> q, ReadOnlySpan<float> k);

    /// <summary>Kernel attention_softmax over the scores.</summary>
    void Softmax(WorkRange tasks, AttentionLayout layout);

    /// <summary>Uploads v, then kernel attention_weighted_values into an output of <paramref name="outputLength"/> floats.</summary>
    void WeightedValues(WorkRange range, AttentionLayout layout, ReadOnlySpan<float> v, int outputLength);

    /// <summary>Waits for the launches, then copies output floats [start, start + destination.Length) to <paramref name="destination"/>.</summary>
    void DownloadOutput(int start, Span<float> destination);
}
