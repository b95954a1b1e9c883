using System.Numerics.Tensors;

namespace Dllm.Training.Ops;

/// <summary>
/// The loss over the scored (masked) rows and its gradient: loss = Σ_r w_r · (logsumexp(z_r) − z_r[t_r])
/// for logits z [R, V], targets t [R] and weights w [R]; dz_r = w_r · (softmax(z_r) − onehot(t_r)),
/// written (not accumulated: the logits feed nothing else). The exponentials and their sum are f32 (SIMD); the log-sum-exp and the target term are double.
/// </summary>
public static class MaskedCrossEntropy
{
    /// <summary>The weighted loss and the plain mean cross-entropy of the rows (for display).</summary>
    public static (double Loss, double MeanCrossEntropy) Compute(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> targets, ReadOnlySpan<float> weights, Span<float> dLogits)
    {
        int rows = targets.Length;
        if (rows == 0)
        {
            return (0, 0);
        }
        int vocab = logits.Length / rows;
        if ((long)vocab * rows != logits.Length || weights.Length != rows || dLogits.Length != logits.Length)
        {
            throw new ArgumentException($"MaskedCrossEntropy shapes disagree: logits {logits.Length}, {rows} targets, {weights.Length} weights, dLogits {dLogits.Length}.");
        }
        double loss = 0;
        double crossEntropy = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> z = logits.Slice(r * vocab, vocab);
            Span<float> dz = dLogits.Slice(r * vocab, vocab);
            float max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, dz);
            TensorPrimitives.Exp(dz, dz);
            double sum = TensorPrimitives.Sum(dz);
            double logSumExp = max + Math.Log(sum);
            double rowLoss = logSumExp - z[targets[r]];
            crossEntropy += rowLoss;
            loss += weights[r] * rowLoss;
            TensorPrimitives.Multiply(dz, (float)(weights[r] / sum), dz);
            // p_t − 1 in double: in f32 it cancels to nothing when p_t is close to 1.
            dz[targets[r]] = (float)(weights[r] * (Math.Exp(z[targets[r]] - logSumExp) - 1));
        }
        return (loss, crossEntropy / rows);
    }
}
