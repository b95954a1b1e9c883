using Dllm.Kernels;
using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// DESIGN 3.3 on every path of a backend set: a row (or a sequence, for attention) computed alone is
/// bitwise the row computed among random others, at a random position, with every variant's parallelism
/// on either side. <see cref="BatchInvarianceProperties"/> and <see cref="IlgpuBatchInvarianceProperties"/> run it.
/// </summary>
public abstract class BatchInvarianceClaims<TBackends>(TBackends backends) where TBackends : IBackendSet
{
    [Property]
    public Property MatMul_row_alone_is_bitwise_the_row_in_any_batch(MatMulCase c)
    {
        using OwnedWeightMatrix w = c.Weights();
        float[] x = c.X(), bias = c.Bias();
        float[] row = x.AsSpan(c.Position * c.Depth, c.Depth).ToArray();
        return ForEveryPathAndThreads(c, (backend, batched) =>
        {
            float[] y = new float[(batched ? c.Rows : 1) * c.Outputs];
            backend.MatMul(batched ? x : row, w.Matrix, bias, y);
            return batched ? y.AsSpan(c.Position * c.Outputs, c.Outputs).ToArray() : y;
        });
    }

    [Property(Replay = ReplaySeeds.Pinned)]
    public Property MatMul_row_alone_is_bitwise_the_row_in_the_pinned_batches(MatMulCase c) =>
        MatMul_row_alone_is_bitwise_the_row_in_any_batch(c);

    [Property]
    public Property RmsNorm_row_alone_is_bitwise_the_row_in_any_batch(RowsCase c)
    {
        float[] x = c.X(4f), weight = c.NormWeight();
        float[] row = x.AsSpan(c.Position * c.Width, c.Width).ToArray();
        return ForEveryPathAndThreads(c, (backend, batched) =>
        {
            float[] y = new float[batched ? x.Length : c.Width];
            backend.RmsNorm(batched ? x : row, weight, 1e-6f, y);
            return batched ? y.AsSpan(c.Position * c.Width, c.Width).ToArray() : y;
        });
    }

    [Property]
    public Property FusedHead_row_alone_is_bitwise_the_row_in_any_batch(FusedHeadCase c)
    {
        using OwnedWeightMatrix head = c.Head();
        float[] hidden = c.Hidden(), normWeight = c.NormWeight();
        float[] row = hidden.AsSpan(c.Position * c.Width, c.Width).ToArray();
        return ForEveryPathAndThreads(c, (backend, batched) =>
        {
            int rows = batched ? c.Rows : 1;
            var stats = new RowStats[rows];
            var logits = new float[rows * c.Vocabulary];
            backend.FusedHead(batched ? hidden : row, normWeight, FusedHeadCase.Eps, head.Matrix, stats, logits);
            int r = batched ? c.Position : 0;
            // Stats become floats too, so one bitwise comparison covers logits and statistics.
            RowStats s = stats[r];
            float[] statsBits = [BitConverter.Int32BitsToSingle(s.ArgMax), BitConverter.Int32BitsToSingle(s.SecondId), s.Top1Probability, s.Top2Probability, s.Entropy];
            return [.. logits.AsSpan(r * c.Vocabulary, c.Vocabulary), .. statsBits];
        });
    }

    [Property]
    public Property FusedHead_without_logits_gives_the_same_statistics(FusedHeadCase c)
    {
        using OwnedWeightMatrix head = c.Head();
        float[] hidden = c.Hidden(), normWeight = c.NormWeight();
        return Agreement.All(backends.Groups.Select(group =>
        {
            IBackend backend = group.Widest;
            var withLogits = new RowStats[c.Rows];
            var without = new RowStats[c.Rows];
            backend.FusedHead(hidden, normWeight, FusedHeadCase.Eps, head.Matrix, withLogits, new float[c.Rows * c.Vocabulary]);
            backend.FusedHead(hidden, normWeight, FusedHeadCase.Eps, head.Matrix, without, default);
            return withLogits.SequenceEqual(without).Label($"{backend.Name}: statistics with and without logits");
        })).Label(c.ToString());
    }

    [Property]
    public Property Attention_sequence_alone_is_bitwise_the_sequence_among_others(AttentionCase c)
    {
        (float[] q, float[] k, float[] v) = c.Tensors();
        SequenceSlice[] sequences = c.Sequences();
        SequenceSlice subject = sequences[c.Subject];
        AttentionShape shape = c.Shape;
        float[] SubjectRows(float[] packed, int width) => packed.AsSpan(subject.Start * width, subject.Length * width).ToArray();
        float[] qAlone = SubjectRows(q, shape.QueryWidth), kAlone = SubjectRows(k, shape.KvWidth), vAlone = SubjectRows(v, shape.KvWidth);
        return ForEveryPathAndThreads(c, (backend, batched) =>
        {
            if (!batched)
            {
                var alone = new float[qAlone.Length];
                backend.Attention(qAlone, kAlone, vAlone, alone, shape, [subject with { Start = 0 }]);
                return alone;
            }
            var output = new float[q.Length];
            backend.Attention(q, k, v, output, shape, sequences);
            return SubjectRows(output, shape.QueryWidth);
        });
    }

    /// <summary>
    /// For each path: the result alone on the first variant is the reference value; alone on every other
    /// variant and batched on every variant must equal it bitwise.
    /// </summary>
    private Property ForEveryPathAndThreads(object c, Func<IBackend, bool, float[]> compute) =>
        Agreement.All(backends.Groups.SelectMany(group =>
        {
            float[] alone = compute(group.Variants[0].Backend, false);
            string baseline = group.Variants[0].Parallelism;
            return group.Variants.SelectMany(variant => new[]
            {
                Agreement.Bitwise($"{group.Path}: alone with {variant.Parallelism} vs alone with {baseline}", compute(variant.Backend, false), alone),
                Agreement.Bitwise($"{group.Path}: in the batch with {variant.Parallelism} vs alone", compute(variant.Backend, true), alone),
            });
        })).Label(c.ToString()!);
}
