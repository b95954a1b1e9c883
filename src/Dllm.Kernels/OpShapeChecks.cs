namespace Dllm.Kernels;

/// <summary>
/// The operand checks of the <see cref="IBackend"/> ops, with their error messages, so every backend
/// rejects a bad call the same way. Parameter names match the ops' own, so an exception names the caller's argument.
/// </summary>
public static class OpShapeChecks
{
    /// <summary>Throws when an id is not a row of a table with <paramref name="tableRows"/> rows.</summary>
    public static void TokenIds(ReadOnlySpan<int> ids, int tableRows)
    {
        foreach (int id in ids)
        {
            if ((uint)id >= (uint)tableRows)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), $"Token id {id} is outside the embedding table ({tableRows} rows).");
            }
        }
    }

    /// <summary>Checks the ids and the output of a row gather from a [tableRows, tableCols] table; returns the floats it writes.</summary>
    public static long Embedding(ReadOnlySpan<int> ids, int tableRows, int tableCols, ReadOnlySpan<float> output)
    {
        TokenIds(ids, tableRows);
        long total = (long)ids.Length * tableCols;
        if (output.Length < total)
        {
            throw new ArgumentException($"Output has {output.Length} floats, need {ids.Length} x {tableCols}.", nameof(output));
        }
        return total;
    }

    /// <summary>Checks x [rows, weight.Length] into y; returns rows.</summary>
    public static int RmsNormRows(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> y)
    {
        if (weight.IsEmpty || x.Length % weight.Length != 0 || y.Length < x.Length)
        {
            throw new ArgumentException($"RmsNorm shapes disagree: x has {x.Length} floats, weight {weight.Length}, y {y.Length}.");
        }
        return x.Length / weight.Length;
    }

    /// <summary>Checks x [rows, depth] · Wᵀ (W [outputs, depth]) + bias into y [rows, outputs]; returns rows.</summary>
    public static int MatMulRows(ReadOnlySpan<float> x, int outputs, int depth, ReadOnlySpan<float> bias, ReadOnlySpan<float> y)
    {
        if (!bias.IsEmpty && bias.Length != outputs)
        {
            throw new ArgumentException($"Bias has {bias.Length} entries, expected {outputs}.", nameof(bias));
        }
        // With depth 0, x says nothing about the row count, so y decides it.
        int rows = depth > 0 ? x.Length / depth : (outputs > 0 ? y.Length / outputs : 0);
        if ((long)rows * depth != x.Length || (long)rows * outputs > y.Length)
        {
            throw new ArgumentException($"MatMul shapes disagree: x has {x.Length} floats, W is [{outputs}, {depth}], y has {y.Length} floats.");
        }
        return rows;
    }

    /// <summary>Checks two equal-length operands of an elementwise op into an output at least as long; returns the length.</summary>
    public static int ElementwiseLength(int a, int b, int output) =>
        a == b && output >= a
            ? a
            : throw new ArgumentException($"Elementwise lengths disagree: {a} and {b} into {output}.");

    /// <summary>Checks the fused head's operands for stats.Length rows and a head [vocabulary, width].</summary>
    public static void FusedHead(ReadOnlySpan<float> hidden, ReadOnlySpan<float> normWeight, int vocabulary, int width, int rows, ReadOnlySpan<float> logits)
    {
        if (normWeight.Length != width || hidden.Length < (long)rows * width || vocabulary == 0)
        {
            throw new ArgumentException($"FusedHead shapes disagree: hidden {hidden.Length} floats for {rows} rows, norm {normWeight.Length}, head [{vocabulary}, {width}].");
        }
        if (!logits.IsEmpty && logits.Length < (long)rows * vocabulary)
        {
            throw new ArgumentException($"Logits have {logits.Length} floats, need {rows} x {vocabulary}.", nameof(logits));
        }
    }

    /// <summary>Checks the attention shape and that every sequence (and its mask) fits q, k, v and output.</summary>
    public static void Attention(int qLength, int kLength, int vLength, int outputLength, AttentionShape shape, ReadOnlySpan<SequenceSlice> sequences)
    {
        if (shape.NumHeads <= 0 || shape.NumKvHeads <= 0 || shape.HeadDim <= 0 || shape.NumHeads % shape.NumKvHeads != 0)
        {
            throw new ArgumentException($"Attention shape {shape} is invalid: heads must be positive and a multiple of KV heads.", nameof(shape));
        }
        foreach (SequenceSlice sequence in sequences)
        {
            long end = (long)sequence.Start + sequence.Length;
            if (sequence.Start < 0 || sequence.Length < 0
                || end * shape.QueryWidth > qLength || end * shape.QueryWidth > outputLength
                || end * shape.KvWidth > kLength || end * shape.KvWidth > vLength)
            {
                throw new ArgumentException($"Sequence {sequence} reaches beyond q, k, v or output for shape {shape}.", nameof(sequences));
            }
            if (sequence.Mask is { } mask && mask.Length != sequence.Length)
            {
                throw new ArgumentException($"Sequence of length {sequence.Length} has a mask for length {mask.Length}.", nameof(sequences));
            }
        }
    }
}
