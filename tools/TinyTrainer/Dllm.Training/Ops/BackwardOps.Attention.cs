using System.Numerics.Tensors;
using Dllm.Kernels;

namespace Dllm.Training.Ops;

public sealed partial class BackwardOps
{
    /// <summary>
    /// Backward of bidirectional attention o = softmax(q·kᵀ/√d)·v per sequence and head (grouped heads
    /// share their key/value head). The probabilities are recomputed from q and k rather than stored:
    /// for query i, with P its softmax row and dP_j = do_i·v_j,
    /// dv_j += P_j·do_i, dS_j = P_j·(dP_j − Σ_l P_l·dP_l), dq_i += Σ_j dS_j·k_j/√d, dk_j += dS_j·q_i/√d.
    /// Sequences run in parallel: each writes only its own rows, in a fixed order, so the result does
    /// not depend on the thread count. Training packs whole sequences, so attention masks are not supported.
    /// </summary>
    public static unsafe void AttentionBackward(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        ReadOnlySpan<float> dOutput,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences,
        Span<float> dq,
        Span<float> dk,
        Span<float> dv)
    {
        foreach (SequenceSlice sequence in sequences)
        {
            if (sequence.Mask is not null)
            {
                throw new NotSupportedException("AttentionBackward runs full bidirectional attention; masked sequences are not supported.");
            }
        }
        SequenceSlice[] slices = sequences.ToArray();
        fixed (float* qp = q, kp = k, vp = v, dop = dOutput, dqp = dq, dkp = dk, dvp = dv)
        {
            var buffers = new AttentionBuffers(qp, kp, vp, dop, dqp, dkp, dvp, q.Length, k.Length);
            Parallel.For(0, slices.Length, s => SequenceBackward(buffers, shape, slices[s]));
        }
    }

    /// <summary>The pinned tensors, for the parallel body (spans cannot be captured).</summary>
    private readonly unsafe struct AttentionBuffers(float* q, float* k, float* v, float* dOutput, float* dq, float* dk, float* dv, int queryLength, int keyLength)
    {
        public readonly float* Q = q, K = k, V = v, DOutput = dOutput, DQ = dq, DK = dk, DV = dv;
        public readonly int QueryLength = queryLength, KeyLength = keyLength;
    }

    private static unsafe void SequenceBackward(AttentionBuffers b, AttentionShape shape, SequenceSlice sequence)
    {
        int d = shape.HeadDim;
        double scale = 1 / Math.Sqrt(d);
        var q = new ReadOnlySpan<float>(b.Q, b.QueryLength);
        var dOutput = new ReadOnlySpan<float>(b.DOutput, b.QueryLength);
        var dq = new Span<float>(b.DQ, b.QueryLength);
        var k = new ReadOnlySpan<float>(b.K, b.KeyLength);
        var v = new ReadOnlySpan<float>(b.V, b.KeyLength);
        var dk = new Span<float>(b.DK, b.KeyLength);
        var dv = new Span<float>(b.DV, b.KeyLength);
        // The softmax row, dP and its weighted mean stay in double: dS = P·(dP − Σ P·dP) cancels, and
        // with f32 rows (whose sum is 1 only to ~1e-7) that leaves noise where the true gradient is zero.
        Span<double> probabilities = new double[sequence.Length];  // [L] softmax row of one query
        Span<double> gradientScores = new double[sequence.Length]; // [L] dP
        for (int h = 0; h < shape.NumHeads; h++)
        {
            int kvHead = shape.KvHeadOf(h);
            for (int qi = 0; qi < sequence.Length; qi++)
            {
                int queryAt = (sequence.Start + qi) * shape.QueryWidth + h * d;
                ReadOnlySpan<float> query = q.Slice(queryAt, d);
                ReadOnlySpan<float> dOut = dOutput.Slice(queryAt, d);
                double max = double.NegativeInfinity;
                for (int ki = 0; ki < sequence.Length; ki++)
                {
                    int keyAt = (sequence.Start + ki) * shape.KvWidth + kvHead * d;
                    probabilities[ki] = DoubleDot(query, k.Slice(keyAt, d)) * scale;
                    gradientScores[ki] = DoubleDot(dOut, v.Slice(keyAt, d));
                    max = Math.Max(max, probabilities[ki]);
                }
                double sum = 0;
                for (int ki = 0; ki < sequence.Length; ki++)
                {
                    probabilities[ki] = Math.Exp(probabilities[ki] - max);
                    sum += probabilities[ki];
                }
                double expected = 0; // Σ_l P_l·dP_l
                for (int ki = 0; ki < sequence.Length; ki++)
                {
                    probabilities[ki] /= sum;
                    expected += probabilities[ki] * gradientScores[ki];
                }
                Span<float> dQuery = dq.Slice(queryAt, d);
                for (int ki = 0; ki < sequence.Length; ki++)
                {
                    int keyAt = (sequence.Start + ki) * shape.KvWidth + kvHead * d;
                    Span<float> dValue = dv.Slice(keyAt, d);
                    TensorPrimitives.MultiplyAdd(dOut, (float)probabilities[ki], dValue, dValue);
                    float dScore = (float)(probabilities[ki] * (gradientScores[ki] - expected) * scale);
                    TensorPrimitives.MultiplyAdd(k.Slice(keyAt, d), dScore, dQuery, dQuery);
                    Span<float> dKey = dk.Slice(keyAt, d);
                    TensorPrimitives.MultiplyAdd(query, dScore, dKey, dKey);
                }
            }
        }
    }

    private static double DoubleDot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }
        return sum;
    }
}
