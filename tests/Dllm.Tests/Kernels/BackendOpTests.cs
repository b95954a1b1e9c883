using Dllm.Kernels;

namespace Dllm.Tests.Kernels;

/// <summary>
/// One body of op tests run on every backend (one subclass each), on small inputs whose answers can be
/// checked by hand. Values are chosen so most results are exact in f32; the rest are compared with
/// <see cref="Tolerance"/>, which only has to cover f32 rounding of a few terms.
/// </summary>
public abstract class BackendOpTests : IDisposable
{
    private const float Tolerance = 1e-6f;
    private IBackend? _backend;

    /// <summary>The backend under test; created on first use so skipped classes never build one.</summary>
    protected IBackend Backend => _backend ??= CreateBackend();

    protected abstract IBackend CreateBackend();

    public void Dispose()
    {
        (_backend as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [BackendFact]
    public void Embedding_gathers_rows_in_id_order()
    {
        foreach (WeightType type in new[] { WeightType.F32, WeightType.BF16 })
        {
            using var table = new OwnedWeightMatrix([1f, 2f, -0.5f, 0.25f, 3f, -4f], type, 3, 2);
            var output = new float[3 * 2];
            Backend.Embedding(table.Matrix, [2, 0, 2], output);
            Assert.Equal([3f, -4f, 1f, 2f, 3f, -4f], output);
        }
    }

    [BackendFact]
    public void Embedding_rejects_an_id_outside_the_table()
    {
        using var table = new OwnedWeightMatrix([1f, 2f], WeightType.F32, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Backend.Embedding(table.Matrix, [2], new float[1]));
    }

    [BackendFact]
    public void RmsNorm_divides_by_the_root_mean_square_and_scales_by_the_weight()
    {
        // Row (3, 4): mean square 12.5. Row (1, 1, ...) is its own RMS.
        float[] x = [3f, 4f, 1f, 1f];
        Backend.RmsNorm(x, [1f, 2f], 0f, x); // in place
        float inverse = 1f / MathF.Sqrt(12.5f);
        AssertClose([3f * inverse, 2f * 4f * inverse, 1f, 2f], x);
    }

    [BackendFact]
    public void MatMul_of_small_integers_is_exact_with_and_without_bias()
    {
        foreach (WeightType type in new[] { WeightType.F32, WeightType.BF16 })
        {
            using var w = new OwnedWeightMatrix([1f, 0f, -1f, 2f, 1f, 0f], type, 2, 3); // rows (1, 0, −1) and (2, 1, 0)
            float[] x = [1f, 2f, 3f, 4f, 5f, 6f];
            var y = new float[4];
            Backend.MatMul(x, w.Matrix, default, y);
            Assert.Equal([-2f, 4f, -2f, 13f], y);
            Backend.MatMul(x, w.Matrix, [0.5f, -1f], y);
            Assert.Equal([-1.5f, 3f, -1.5f, 12f], y);
        }
    }

    [BackendFact]
    public void MatMul_covers_every_tile_and_depth_tail_exactly()
    {
        // 37 rows, depth 300 and 29 outputs leave tails for every width, tile and depth block; 270 rows
        // 777 deep also split the depth into several panel chunks. With entries in {−2, ..., 2} every
        // partial sum is a small integer, so any order gives the exact value.
        foreach ((int rows, int depth, int outputs) in new[] { (37, 300, 29), (270, 777, 13) })
        {
            float[] x = Enumerable.Range(0, rows * depth).Select(i => (float)(i * 7 % 5 - 2)).ToArray();
            float[] weights = Enumerable.Range(0, outputs * depth).Select(i => (float)(i * 3 % 5 - 2)).ToArray();
            foreach (WeightType type in new[] { WeightType.F32, WeightType.BF16 })
            {
                using var w = new OwnedWeightMatrix(weights, type, outputs, depth);
                var y = new float[rows * outputs];
                Backend.MatMul(x, w.Matrix, default, y);
                for (int m = 0; m < rows; m++)
                {
                    for (int n = 0; n < outputs; n++)
                    {
                        float expected = 0;
                        for (int k = 0; k < depth; k++)
                        {
                            expected += x[m * depth + k] * weights[n * depth + k];
                        }
                        Assert.Equal(expected, y[m * outputs + n]);
                    }
                }
            }
        }
    }

    [BackendFact]
    public void RopeRotateHalf_rotates_each_half_pair_by_position_times_frequency()
    {
        // Head dim 4, theta 100: frequencies 1 and 1/10. Two heads per row, row at position 2.
        var table = new RopeTable(100f, 4);
        table.EnsureCapacity(3);
        float[] x = [1f, 2f, 3f, 4f, -1f, 0f, 0f, 1f];
        Backend.RopeRotateHalf(x, [2], table);
        float c0 = table.Cos(2)[0], s0 = table.Sin(2)[0], c1 = table.Cos(2)[1], s1 = table.Sin(2)[1];
        AssertClose([MathF.Cos(2f), MathF.Cos(0.2f)], [c0, c1]);
        AssertClose(
            [1 * c0 - 3 * s0, 2 * c1 - 4 * s1, 3 * c0 + 1 * s0, 4 * c1 + 2 * s1, -c0, -s1, -s0, c1],
            x);
    }

    [BackendFact]
    public void RopeRotateHalf_at_position_zero_is_the_identity()
    {
        var table = new RopeTable(10000f, 6);
        table.EnsureCapacity(1);
        float[] x = [1f, -2f, 3f, 0.5f, 0f, -7f];
        Backend.RopeRotateHalf(x, [0], table);
        Assert.Equal([1f, -2f, 3f, 0.5f, 0f, -7f], x);
    }

    [BackendFact]
    public void Attention_weights_values_by_the_softmax_of_scaled_scores()
    {
        // One head, d = 2: q·k0/√2 = √2 and q·k1 = 0, so p0 = e^√2 / (e^√2 + 1).
        var shape = new AttentionShape(1, 1, 2);
        float[] q = [1f, 0f, 0f, 0f], k = [2f, 0f, 0f, 0f], v = [1f, 2f, 3f, 6f];
        var output = new float[4];
        Backend.Attention(q, k, v, output, shape, [new SequenceSlice(0, 2)]);
        double p0 = Math.Exp(Math.Sqrt(2)) / (Math.Exp(Math.Sqrt(2)) + 1);
        // Query 1 is zero: equal scores average the values.
        AssertClose([(float)(p0 * 1 + (1 - p0) * 3), (float)(p0 * 2 + (1 - p0) * 6), 2f, 4f], output);
    }

    [BackendFact]
    public void Attention_handles_a_head_dimension_longer_than_a_depth_block()
    {
        // d = 300: q·k0 = 300 · 0.1 · 0.1 = 3 and q·k1 = 0, so p0 = e^(3/√300) / (e^(3/√300) + 1).
        const int d = 300;
        var shape = new AttentionShape(1, 1, d);
        float[] q = Enumerable.Repeat(0.1f, d).ToArray(), k = new float[2 * d], v = new float[2 * d];
        Array.Fill(k, 0.1f, 0, d);
        Array.Fill(v, 1f, 0, d);
        Array.Fill(v, -1f, d, d);
        var output = new float[d];
        Backend.Attention(q, k.AsSpan(0, d), v.AsSpan(0, d), output, shape, [new SequenceSlice(0, 1)]);
        Assert.All(output, value => Assert.Equal(1f, value)); // a single key: its value, exactly
        output = new float[2 * d];
        Backend.Attention([.. q, .. q], k, v, output, shape, [new SequenceSlice(0, 2)]);
        double e = Math.Exp(3 / Math.Sqrt(d));
        float expected = (float)((e - 1) / (e + 1));
        AssertClose(Enumerable.Repeat(expected, 2 * d).ToArray(), output);
    }

    [BackendFact]
    public void Attention_attends_only_to_allowed_keys_and_gives_zeros_when_none_is()
    {
        var shape = new AttentionShape(1, 1, 2);
        float[] q = new float[6], k = [1f, 0f, 0f, 1f, 1f, 1f], v = [1f, 2f, 3f, 4f, 5f, 6f];
        var mask = new AttentionMask(3, [
            false, true, false,   // query 0 sees key 1 only
            true, false, true,    // query 1 sees keys 0 and 2
            false, false, false]); // query 2 sees nothing
        float[] output = Enumerable.Repeat(float.NaN, 6).ToArray();
        Backend.Attention(q, k, v, output, shape, [new SequenceSlice(0, 3, mask)]);
        Assert.Equal([3f, 4f, 3f, 4f, 0f, 0f], output);
    }

    [BackendFact]
    public void Attention_maps_query_heads_to_kv_heads_in_consecutive_groups()
    {
        // Four query heads over two KV heads: heads 0, 1 read KV head 0 and heads 2, 3 read KV head 1.
        // One token, so each head's output is its KV head's value row.
        var shape = new AttentionShape(4, 2, 2);
        float[] q = [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f], k = [1f, 1f, -1f, 1f], v = [10f, 20f, 30f, 40f];
        var output = new float[8];
        Backend.Attention(q, k, v, output, shape, [new SequenceSlice(0, 1)]);
        Assert.Equal([10f, 20f, 10f, 20f, 30f, 40f, 30f, 40f], output);
    }

    [BackendFact]
    public void Attention_keeps_packed_sequences_apart()
    {
        // Rows 0-1 and row 2 are separate sequences: row 2 sees only itself; rows 0-1 average each other.
        var shape = new AttentionShape(1, 1, 1);
        float[] q = new float[3], k = [1f, 2f, 3f], v = [2f, 4f, 100f];
        var output = new float[3];
        Backend.Attention(q, k, v, output, shape, [new SequenceSlice(0, 2), new SequenceSlice(2, 1)]);
        Assert.Equal([3f, 3f, 100f], output);
    }

    [BackendFact]
    public void SwiGlu_is_silu_of_the_gate_times_up()
    {
        float[] gate = [0f, 1f, -1f, 20f, 2f], up = [5f, 2f, 2f, 0.5f, -1f];
        var y = new float[5];
        Backend.SwiGlu(gate, up, y);
        float Silu(float g) => (float)(g / (1 + Math.Exp(-g)));
        AssertClose([0f, Silu(1f) * 2f, Silu(-1f) * 2f, Silu(20f) * 0.5f, -Silu(2f)], y);
    }

    [BackendFact]
    public void Add_adds_the_residual_in_place()
    {
        float[] x = [1f, 2f, 3f, -4f, 5f, 6f, 7f, 8f, 9f];
        Backend.Add(x, [0.5f, -2f, 0f, 4f, 1f, 1f, 1f, 1f, -9f]);
        Assert.Equal([1.5f, 0f, 3f, 0f, 6f, 7f, 8f, 9f, 0f], x);
    }

    [BackendFact]
    public void FusedHead_reports_argmax_runner_up_probabilities_and_entropy_with_ties_to_the_lowest_id()
    {
        // hidden (1, 1) normalises to itself; head rows give logits (1, 1, 4, 4): the tie at 4 goes to id 2.
        using var head = new OwnedWeightMatrix([1f, 0f, 0f, 1f, 2f, 2f, 2f, 2f], WeightType.BF16, 4, 2);
        var stats = new RowStats[1];
        var logits = new float[4];
        Backend.FusedHead([1f, 1f], [1f, 1f], 0f, head.Matrix, stats, logits);
        Assert.Equal([1f, 1f, 4f, 4f], logits);
        double sum = 2 + 2 * Math.Exp(-3); // Σ e^(l − max)
        double entropy = Math.Log(sum) - 2 * Math.Exp(-3) * -3 / sum;
        Assert.Equal(2, stats[0].ArgMax);
        Assert.Equal(3, stats[0].SecondId);
        Assert.Equal((float)(1 / sum), stats[0].Top1Probability, Tolerance);
        Assert.Equal((float)(1 / sum), stats[0].Top2Probability, Tolerance);
        Assert.Equal((float)entropy, stats[0].Entropy, Tolerance);
        Assert.Equal(RowStatistics.FromLogits(logits), stats[0]);
    }

    [BackendFact]
    public void FusedHead_without_logits_reports_the_same_statistics()
    {
        using var head = new OwnedWeightMatrix([1f, -1f, 0.5f, 2f, -3f, 1f], WeightType.F32, 3, 2);
        float[] hidden = [1f, 2f, -3f, 0.5f, 0f, 0f];
        var withLogits = new RowStats[3];
        var without = new RowStats[3];
        Backend.FusedHead(hidden, [1f, 0.5f], 1e-5f, head.Matrix, withLogits, new float[9]);
        Backend.FusedHead(hidden, [1f, 0.5f], 1e-5f, head.Matrix, without, default);
        Assert.Equal(withLogits, without);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= Tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
