using Dllm.Core.Config;

namespace Dllm.Models;

/// <summary>
/// The arithmetic of forward calls, counted from their batches: sequences, token rows through the blocks,
/// query-key pairs of attention (every pair of each sequence, as the kernels compute them whatever
/// the mask), and rows scored through the head. Sums over calls; <see cref="Flops"/> turns it into
/// floating-point operations for a config, so a benchmark can report GFLOP/s of what was computed.
/// </summary>
public readonly record struct ForwardWork(long Sequences, long Rows, long AttentionPairs, long ScoredRows)
{
    public static ForwardWork Of(IReadOnlyList<ForwardSequence> batch)
    {
        long rows = 0, pairs = 0, scored = 0;
        foreach (ForwardSequence sequence in batch)
        {
            rows += sequence.Length;
            pairs += (long)sequence.Length * sequence.Length;
            scored += sequence.ScorePositions.Length;
        }
        return new ForwardWork(batch.Count, rows, pairs, scored);
    }

    /// <summary>The work of several calls together.</summary>
    public static ForwardWork Sum(IEnumerable<ForwardWork> calls) => calls.Aggregate(default(ForwardWork), (sum, call) => sum + call);

    public static ForwardWork operator +(ForwardWork left, ForwardWork right) =>
        new(left.Sequences + right.Sequences, left.Rows + right.Rows, left.AttentionPairs + right.AttentionPairs, left.ScoredRows + right.ScoredRows);

    /// <summary>
    /// 2 per multiply-add: the seven projections of every row in every layer, both attention products
    /// (scores and the weighted sum of values) of every pair in every layer, and the head of every
    /// scored row. Norms, RoPE, softmax and the row statistics are left out (under 1 % at real shapes).
    /// </summary>
    public double Flops(TransformerConfig config)
    {
        double d = config.HiddenSize, q = config.NumHeads * config.HeadDim, kv = config.NumKvHeads * config.HeadDim, f = config.IntermediateSize;
        double perRow = 2 * (d * q + 2 * d * kv + q * d + 3 * d * f);
        double perPair = 2 * 2 * (double)config.NumHeads * config.HeadDim;
        return config.NumLayers * (Rows * perRow + AttentionPairs * perPair) + 2.0 * ScoredRows * config.VocabSize * d;
    }
}
