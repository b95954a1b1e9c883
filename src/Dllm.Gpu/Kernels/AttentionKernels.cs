using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// Bidirectional attention over packed sequences in three launches, each thread owning one result and
/// reducing in key or dimension order, so nothing depends on the other sequences or the batch:
/// scores (one thread per query, head and key: q·k over the head dimension, times the scale, −∞ where
/// the mask forbids the key), softmax (one thread per query and head: max, then e^(s − max) and their sum
/// in key order), and the weighted values (one thread per output element: Σ p·v in key order, divided by
/// the sum; zeros for a query that may see no key). Each work row w is described by
/// rows[4w..4w+4) = (packed row, sequence start, sequence length, offset of its mask row or −1).
/// </summary>
public static class AttentionKernels
{
    public const int RowFields = 4;

    public static void Scores(
        Index1D index, AttentionLayout layout, ArrayView<int> rows, ArrayView<byte> masks,
        ArrayView<float> q, ArrayView<float> k, ArrayView<float> scores)
    {
        int key = index % layout.MaxLength;
        int task = index / layout.MaxLength; // work row · heads + head
        int head = task % layout.Heads;
        int work = task / layout.Heads;
        int length = rows[work * RowFields + 2];
        if (key >= length)
        {
            return;
        }
        int maskOffset = rows[work * RowFields + 3];
        if (maskOffset >= 0 && masks[maskOffset + key] == 0)
        {
            scores[index] = float.NegativeInfinity;
            return;
        }
        int d = layout.HeadDim;
        long query = (long)rows[work * RowFields] * layout.QueryWidth + head * d;
        long keyStart = (long)(rows[work * RowFields + 1] + key) * layout.KvWidth + head / layout.GroupSize * d;
        float dot = 0f;
        for (int i = 0; i < d; i++)
        {
            dot += q[query + i] * k[keyStart + i];
        }
        scores[index] = dot * layout.Scale;
    }

    public static void Softmax(Index1D task, AttentionLayout layout, ArrayView<int> rows, ArrayView<float> scores, ArrayView<float> sums)
    {
        int length = rows[task / layout.Heads * RowFields + 2];
        long start = (long)task.X * layout.MaxLength;
        float max = float.NegativeInfinity;
        for (int key = 0; key < length; key++)
        {
            max = MathF.Max(max, scores[start + key]);
        }
        if (float.IsNegativeInfinity(max))
        {
            sums[task] = 0f; // the query sees no key: e^(−∞ − (−∞)) would be NaN
            return;
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

    public static void WeightedValues(
        Index1D index, AttentionLayout layout, ArrayView<int> rows, ArrayView<float> scores, ArrayView<float> sums,
        ArrayView<float> v, ArrayView<float> output)
    {
        int d = layout.HeadDim;
        int i = index % d;
        int task = index / d;
        int head = task % layout.Heads;
        int work = task / layout.Heads;
        long outputIndex = (long)rows[work * RowFields] * layout.QueryWidth + head * d + i;
        float sum = sums[task];
        if (sum == 0f)
        {
            output[outputIndex] = 0f;
            return;
        }
        int start = rows[work * RowFields + 1];
        int length = rows[work * RowFields + 2];
        long probabilities = (long)task * layout.MaxLength;
        long value = (long)start * layout.KvWidth + head / layout.GroupSize * d + i;
        float acc = 0f;
        for (int key = 0; key < length; key++)
        {
            acc += scores[probabilities + key] * v[value + (long)key * layout.KvWidth];
        }
        output[outputIndex] = acc / sum;
    }
}
