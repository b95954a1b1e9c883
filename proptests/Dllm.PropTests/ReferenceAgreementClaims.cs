using Dllm.Kernels;
using Dllm.Kernels.Reference;
using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// Every op on every path of a backend set agrees with the scalar reference (DESIGN 3.3, 7), within
/// <see cref="Tolerance"/> where reductions round differently and bitwise where the f32 operations are the
/// reference's own. <see cref="SimdMatchesReferenceProperties"/> and <see cref="IlgpuMatchesReferenceProperties"/> run it.
/// </summary>
public abstract class ReferenceAgreementClaims<TBackends>(TBackends backends) where TBackends : IBackendSet
{
    private static readonly ReferenceBackend Reference = new();

    /// <summary>The most parallel backend of each path.</summary>
    private IEnumerable<IBackend> Widest => backends.Groups.Select(group => group.Widest);

    [Property]
    public Property MatMul_matches_reference_within_tolerance(MatMulCase c) => MatMulAgrees(c);

    [Property(Replay = ReplaySeeds.Pinned)]
    public Property MatMul_matches_reference_on_the_pinned_cases(MatMulCase c) => MatMulAgrees(c);

    [Property]
    public Property RmsNorm_matches_reference_within_tolerance(RowsCase c)
    {
        float[] x = c.X(4f), weight = c.NormWeight();
        var expected = new float[x.Length];
        Reference.RmsNorm(x, weight, 1e-6f, expected);
        return Agreement.All(Widest.Select(backend =>
        {
            float[] actual = (float[])x.Clone();
            backend.RmsNorm(actual, weight, 1e-6f, actual); // in place: y aliases x
            return Agreement.Within($"{backend.Name} RmsNorm", actual, expected, i => Math.Abs(expected[i]));
        })).Label(c.ToString());
    }

    [Property]
    public Property SwiGlu_matches_reference_within_tolerance(RowsCase c)
    {
        float[] gate = c.X(8f), up = c.Other();
        var expected = new float[gate.Length];
        Reference.SwiGlu(gate, up, expected);
        return Agreement.All(Widest.Select(backend =>
        {
            var actual = new float[gate.Length];
            backend.SwiGlu(gate, up, actual);
            return Agreement.Within($"{backend.Name} SwiGlu", actual, expected, i => Math.Abs(expected[i]));
        })).Label(c.ToString());
    }

    [Property]
    public Property Add_matches_reference_exactly(RowsCase c)
    {
        float[] x = c.X(), delta = c.Other();
        float[] expected = (float[])x.Clone();
        Reference.Add(expected, delta);
        return Agreement.All(Widest.Select(backend =>
        {
            float[] actual = (float[])x.Clone();
            backend.Add(actual, delta);
            return Agreement.Bitwise($"{backend.Name} Add", actual, expected);
        })).Label(c.ToString());
    }

    [Property]
    public Property Embedding_matches_reference_exactly(EmbeddingCase c)
    {
        using OwnedWeightMatrix table = c.Table();
        int[] ids = c.Ids();
        var expected = new float[ids.Length * c.Width];
        Reference.Embedding(table.Matrix, ids, expected);
        return Agreement.All(Widest.Select(backend =>
        {
            var actual = new float[expected.Length];
            backend.Embedding(table.Matrix, ids, actual);
            return Agreement.Bitwise($"{backend.Name} Embedding", actual, expected);
        })).Label(c.ToString());
    }

    [Property]
    public Property RopeRotateHalf_matches_reference_exactly(RopeCase c)
    {
        var table = new RopeTable(c.Theta, c.HeadDim);
        table.EnsureCapacity(c.MaxPosition);
        float[] x = c.X();
        int[] positions = c.Positions();
        float[] expected = (float[])x.Clone();
        Reference.RopeRotateHalf(expected, positions, table);
        return Agreement.All(Widest.Select(backend =>
        {
            float[] actual = (float[])x.Clone();
            backend.RopeRotateHalf(actual, positions, table);
            return Agreement.Bitwise($"{backend.Name} RoPE", actual, expected);
        })).Label(c.ToString());
    }

    [Property]
    public Property Attention_matches_reference_within_tolerance(AttentionCase c)
    {
        (float[] q, float[] k, float[] v) = c.Tensors();
        SequenceSlice[] sequences = c.Sequences();
        var expected = new float[q.Length];
        Reference.Attention(q, k, v, expected, c.Shape, sequences);
        // Outputs are convex combinations of value rows: the largest value magnitude is the scale.
        double scale = v.Max(Math.Abs);
        return Agreement.All(Widest.Select(backend =>
        {
            var actual = new float[q.Length];
            backend.Attention(q, k, v, actual, c.Shape, sequences);
            return Agreement.Within($"{backend.Name} Attention", actual, expected, _ => scale);
        })).Label(c.ToString());
    }

    [Property]
    public Property FusedHead_matches_reference_within_tolerance(FusedHeadCase c)
    {
        using OwnedWeightMatrix head = c.Head();
        float[] hidden = c.Hidden(), normWeight = c.NormWeight();
        var expectedStats = new RowStats[c.Rows];
        var expectedLogits = new float[c.Rows * c.Vocabulary];
        Reference.FusedHead(hidden, normWeight, FusedHeadCase.Eps, head.Matrix, expectedStats, expectedLogits);
        var normed = new float[hidden.Length];
        Reference.RmsNorm(hidden, normWeight, FusedHeadCase.Eps, normed);
        double[] scales = MagnitudeScales(normed, head.Matrix, []);
        return Agreement.All(Widest.Select(backend =>
        {
            var stats = new RowStats[c.Rows];
            var logits = new float[expectedLogits.Length];
            backend.FusedHead(hidden, normWeight, FusedHeadCase.Eps, head.Matrix, stats, logits);
            var clauses = new List<Property> { Agreement.Within($"{backend.Name} FusedHead logits", logits, expectedLogits, i => scales[i]) };
            for (int r = 0; r < c.Rows; r++)
            {
                ReadOnlySpan<float> row = logits.AsSpan(r * c.Vocabulary, c.Vocabulary);
                clauses.Add((stats[r] == RowStatistics.FromLogits(row)).Label($"{backend.Name} row {r}: stats are RowStatistics.FromLogits of its logits"));
                int id = stats[r].ArgMax;
                float best = expectedLogits[r * c.Vocabulary + expectedStats[r].ArgMax];
                bool argMaxOk = Tolerance.Close(expectedLogits[r * c.Vocabulary + id], best, scales[r * c.Vocabulary + id]);
                clauses.Add(argMaxOk.Label($"{backend.Name} row {r}: argmax {id} vs reference {expectedStats[r].ArgMax} is more than a tie"));
            }
            return Agreement.All(clauses);
        })).Label(c.ToString());
    }

    private Property MatMulAgrees(MatMulCase c)
    {
        using OwnedWeightMatrix w = c.Weights();
        float[] x = c.X(), bias = c.Bias();
        var expected = new float[c.Rows * c.Outputs];
        Reference.MatMul(x, w.Matrix, bias, expected);
        double[] scales = MagnitudeScales(x, w.Matrix, bias);
        return Agreement.All(Widest.Select(backend =>
        {
            var actual = new float[expected.Length];
            backend.MatMul(x, w.Matrix, bias, actual);
            return Agreement.Within($"{backend.Name} MatMul", actual, expected, i => scales[i]);
        })).Label(c.ToString());
    }

    /// <summary>Σ_k |x[m, k] · w[n, k]| + |bias[n]| for each output [m, n]: the scale of a dot product's rounding error.</summary>
    private static double[] MagnitudeScales(float[] x, WeightMatrix w, float[] bias)
    {
        int rows = x.Length / w.Cols;
        var scales = new double[rows * w.Rows];
        var weightRow = new float[w.Cols];
        for (int n = 0; n < w.Rows; n++)
        {
            w.WidenRow(n, weightRow);
            for (int m = 0; m < rows; m++)
            {
                double sum = bias.Length > 0 ? Math.Abs(bias[n]) : 0;
                for (int k = 0; k < w.Cols; k++)
                {
                    sum += Math.Abs((double)x[m * w.Cols + k] * weightRow[k]);
                }
                scales[m * w.Rows + n] = sum;
            }
        }
        return scales;
    }
}
