using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// Bidirectional attention over packed sequences in three launches, each result computed by one thread
/// reducing in key or dimension order, so nothing depends on the other sequences or the batch:
/// scores (one thread per query, head and key: q·k over the head dimension, times the scale, −∞ where
/// the mask forbids the key), softmax (one thread per query and head: max, then e^(s − max) and their sum
/// in key order), and the weighted values (one thread per output element: Σ p·v in key order, divided by
/// the sum; zeros for a query that may see no key). Each work row w is described by
/// rows[4w..4w+4) as <see cref="AttentionWorkRows"/> lists them.
/// </summary>
public static class AttentionKernels
{
    private const int RowFields = AttentionWorkRows.Fields;

    public static void Scores(
        Index1D thread, WorkRange range, AttentionLayout layout, ArrayView<int> rows, ArrayView<byte> masks,
        ArrayView<float> q, ArrayView<float> k, ArrayView<float> scores)
    {
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int key = index % layout.MaxLength;
            int task = index / layout.MaxLength; // work row · heads + head
            int work = task / layout.Heads;
            if (key < rows[work * RowFields + 2])
            {
                scores[index] = Score(layout, rows, masks, q, k, work, task % layout.Heads, key);
            }
        }
    }

    public static void Softmax(Index1D thread, WorkRange tasks, AttentionLayout layout, ArrayView<int> rows, ArrayView<float> scores, ArrayView<float> sums)
    {
        for (int task = thread; task < tasks.Count; task += tasks.Threads)
        {
            int length = rows[task / layout.Heads * RowFields + 2];
            long start = (long)task * layout.MaxLength;
            float max = float.NegativeInfinity;
            for (int key = 0; key < length; key++)
            {
                max = MathF.Max(max, scores[start + key]);
            }
            if (float.IsNegativeInfinity(max))
            {
                sums[task] = 0f; // the query sees no key: e^(−∞ − (−∞)) would be NaN
                continue;
            }
            float sum = 0f;
            for (int key = 0; key < length; key++)
            {
                float e = MathF.Exp(scores[start + key] - max);
                scores[start + key] = e;
                sum += e;
            }
            sums[task] = sum;
        }
    }

    public static void WeightedValues(
        Index1D thread, WorkRange range, AttentionLayout layout, ArrayView<int> rows, ArrayView<float> scores, ArrayView<float> sums,
        ArrayView<float> v, ArrayView<float> output)
    {
        int d = layout.HeadDim;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int i = index % d;
            int task = index / d;
            int head = task % layout.Heads;
            int work = task / layout.Heads;
            long outputIndex = (long)rows[work * RowFields] * layout.QueryWidth + head * d + i;
            float sum = sums[task];
            float acc = 0f;
            if (sum != 0f)
            {
                int length = rows[work * RowFields + 2];
                long probabilities = (long)task * layout.MaxLength;
                long value = (long)rows[work * RowFields + 1] * layout.KvWidth + head / layout.GroupSize * d + i;
                for (int key = 0; key < length; key++)
                {
                    acc += scores[probabilities + key] * v[value + (long)key * layout.KvWidth];
                }
            }
            output[outputIndex] = sum == 0f ? 0f : acc / sum;
        }
    }

    /// <summary>The scaled score of one query head against one key, or −∞ where the mask forbids the key.</summary>
    private static float Score(AttentionLayout layout, ArrayView<int> rows, ArrayView<byte> masks, ArrayView<float> q, ArrayView<float> k, int work, int head, int key)
    {
        int maskOffset = rows[work * RowFields + 3];
        if (maskOffset >= 0 && masks[maskOffset + key] == 0)
        {
            return float.NegativeInfinity;
        }
        int d = layout.HeadDim;
        long query = (long)rows[work * RowFields] * layout.QueryWidth + head * d;
        long keyStart = (long)(rows[work * RowFields + 1] + key) * layout.KvWidth + head / layout.GroupSize * d;
        float dot = 0f;
        for (int i = 0; i < d; i++)
        {
            dot += q[query + i] * k[keyStart + i];
        }
        return dot * layout.Scale;
    }
}
