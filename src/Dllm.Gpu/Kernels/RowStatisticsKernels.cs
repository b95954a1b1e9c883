using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// <see cref="Dllm.Kernels.RowStatistics.FromLogits"/> on the device, step for step, so the statistics
/// are those of the logits row whatever else is in the batch: one thread per row finds the argmax and
/// runner-up in index order (ties to the lowest id); one result per logit computes e^(l − max) in double;
/// one thread per row sums those terms, and the entropy's weighted terms, in index order.
/// Only the exponentials run wide; the order-dependent sums stay sequential per row.
/// </summary>
public static class RowStatisticsKernels
{
    /// <summary>top[2r] = argmax, top[2r + 1] = runner-up (−1 for a one-logit row).</summary>
    public static void Top2(Index1D thread, WorkRange rows, ArrayView<float> logits, int vocabulary, ArrayView<int> top)
    {
        for (int row = thread; row < rows.Count; row += rows.Threads)
        {
            long start = (long)row * vocabulary;
            int best = 0;
            int second = -1;
            for (int i = 1; i < vocabulary; i++)
            {
                float value = logits[start + i];
                if (value > logits[start + best])
                {
                    second = best;
                    best = i;
                }
                else if (second < 0 || value > logits[start + second])
                {
                    second = i;
                }
            }
            top[2 * row] = best;
            top[2 * row + 1] = second;
        }
    }

    public static void ExpTerms(Index1D thread, WorkRange range, ArrayView<float> logits, int vocabulary, ArrayView<int> top, ArrayView<double> terms)
    {
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / vocabulary;
            float max = logits[(long)row * vocabulary + top[2 * row]];
            float shifted = logits[index] - max;
            terms[index] = Math.Exp(shifted);
        }
    }

    /// <summary>values[3r..3r+3) = top-1 probability, top-2 probability, entropy in nats.</summary>
    public static void Finish(Index1D thread, WorkRange rows, ArrayView<float> logits, int vocabulary, ArrayView<int> top, ArrayView<double> terms, ArrayView<float> values)
    {
        for (int row = thread; row < rows.Count; row += rows.Threads)
        {
            long start = (long)row * vocabulary;
            float max = logits[start + top[2 * row]];
            double sum = 0;
            double weightedShift = 0; // Σ e_i (l_i − max)
            for (int i = 0; i < vocabulary; i++)
            {
                float shifted = logits[start + i] - max;
                double e = terms[start + i];
                sum += e;
                weightedShift += e * shifted;
            }
            int second = top[2 * row + 1];
            double top2 = second < 0 ? 0 : terms[start + second] / sum;
            values[3 * row] = (float)(1 / sum);
            values[3 * row + 1] = (float)top2;
            values[3 * row + 2] = (float)(Math.Log(sum) - weightedShift / sum);
        }
    }
}
