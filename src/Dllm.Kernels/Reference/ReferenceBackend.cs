namespace Dllm.Kernels.Reference;

/// <summary>
/// The scalar reference: the plainest correct loops, double-precision accumulation, one thread.
/// Every fast backend is tested against it; it is also the fallback when nothing faster applies.
/// </summary>
public sealed class ReferenceBackend : IBackend
{
    public string Name => "reference";

    public void Embedding(WeightMatrix table, ReadOnlySpan<int> ids, Span<float> output)
    {
        OpShapeChecks.Embedding(ids, table.Rows, table.Cols, output);
        int cols = table.Cols;
        for (int i = 0; i < ids.Length; i++)
        {
            table.WidenRow(ids[i], output.Slice(i * cols, cols));
        }
    }

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y)
    {
        int rows = OpShapeChecks.RmsNormRows(x, weight, y);
        int cols = weight.Length;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = x.Slice(r * cols, cols);
            double sumSquares = 0;
            foreach (float value in row)
            {
                sumSquares += (double)value * value;
            }
            float inverseRms = (float)(1 / Math.Sqrt(sumSquares / cols + eps));
            Span<float> outRow = y.Slice(r * cols, cols);
            for (int c = 0; c < cols; c++)
            {
                outRow[c] = weight[c] * (row[c] * inverseRms);
            }
        }
    }

    public void MatMul(ReadOnlySpan<float> x, WeightMatrix w, ReadOnlySpan<float> bias, Span<float> y)
    {
        int k = w.Cols;
        int n = w.Rows;
        int rows = OpShapeChecks.MatMulRows(x, n, k, bias, y);
        var weightRow = new float[k];
        for (int j = 0; j < n; j++)
        {
            w.WidenRow(j, weightRow);
            for (int r = 0; r < rows; r++)
            {
                ReadOnlySpan<float> xRow = x.Slice(r * k, k);
                double sum = 0;
                for (int i = 0; i < k; i++)
                {
                    sum += (double)xRow[i] * weightRow[i];
                }
                y[r * n + j] = bias.IsEmpty ? (float)sum : (float)sum + bias[j];
            }
        }
    }

    public void RopeRotateHalf(Span<float> x, ReadOnlySpan<int> positions, RopeTable table)
    {
        int d = table.HeadDim;
        int half = d / 2;
        int width = x.Length / positions.Length;
        for (int r = 0; r < positions.Length; r++)
        {
            ReadOnlySpan<float> cos = table.Cos(positions[r]);
            ReadOnlySpan<float> sin = table.Sin(positions[r]);
            for (int h = 0; h < width / d; h++)
            {
                Span<float> t = x.Slice(r * width + h * d, d);
                for (int i = 0; i < half; i++)
                {
                    float a = t[i];
                    float b = t[i + half];
                    t[i] = a * cos[i] - b * sin[i];
                    t[i + half] = b * cos[i] + a * sin[i];
                }
            }
        }
    }

    public void Attention(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences)
    {
        OpShapeChecks.Attention(q.Length, k.Length, v.Length, output.Length, shape, sequences);
        int d = shape.HeadDim;
        double scale = 1 / Math.Sqrt(d);
        foreach (SequenceSlice sequence in sequences)
        {
            var scores = new double[sequence.Length];
            for (int h = 0; h < shape.NumHeads; h++)
            {
                int kvHead = shape.KvHeadOf(h);
                for (int qi = 0; qi < sequence.Length; qi++)
                {
                    ReadOnlySpan<float> query = q.Slice((sequence.Start + qi) * shape.QueryWidth + h * d, d);
                    Span<float> outHead = output.Slice((sequence.Start + qi) * shape.QueryWidth + h * d, d);
                    double max = double.NegativeInfinity;
                    for (int ki = 0; ki < sequence.Length; ki++)
                    {
                        if (sequence.Mask is { } mask && !mask.Allows(qi, ki))
                        {
                            scores[ki] = double.NegativeInfinity;
                            continue;
                        }
                        ReadOnlySpan<float> key = k.Slice((sequence.Start + ki) * shape.KvWidth + kvHead * d, d);
                        double dot = 0;
                        for (int i = 0; i < d; i++)
                        {
                            dot += (double)query[i] * key[i];
                        }
                        scores[ki] = dot * scale;
                        max = Math.Max(max, scores[ki]);
                    }
                    outHead.Clear();
                    if (double.IsNegativeInfinity(max))
                    {
                        continue; // the query may attend to nothing: zero output
                    }
                    double sum = 0;
                    for (int ki = 0; ki < sequence.Length; ki++)
                    {
                        scores[ki] = Math.Exp(scores[ki] - max);
                        sum += scores[ki];
                    }
                    for (int i = 0; i < d; i++)
                    {
                        double acc = 0;
                        for (int ki = 0; ki < sequence.Length; ki++)
                        {
                            acc += scores[ki] * v[(sequence.Start + ki) * shape.KvWidth + kvHead * d + i];
                        }
                        outHead[i] = (float)(acc / sum);
                    }
                }
            }
        }
    }

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        int length = OpShapeChecks.ElementwiseLength(gate.Length, up.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            float g = gate[i];
            y[i] = (float)(g / (1 + Math.Exp(-g))) * up[i];
        }
    }

    public void Add(Span<float> x, ReadOnlySpan<float> delta)
    {
        OpShapeChecks.ElementwiseLength(x.Length, delta.Length, x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += delta[i];
        }
    }

    public void FusedHead(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        WeightMatrix head,
        Span<RowStats> stats,
        Span<float> logits)
    {
        int width = head.Cols;
        int vocab = head.Rows;
        OpShapeChecks.FusedHead(hidden, normWeight, vocab, width, stats.Length, logits);
        var normed = new float[width];
        var row = new float[vocab];
        for (int r = 0; r < stats.Length; r++)
        {
            RmsNorm(hidden.Slice(r * width, width), normWeight, eps, normed);
            MatMul(normed, head, default, row);
            stats[r] = RowStatistics.FromLogits(row);
            if (!logits.IsEmpty)
            {
                row.CopyTo(logits.Slice(r * vocab, vocab));
            }
        }
    }

    /// <summary>Nothing to release: the reference backend holds no threads or buffers.</summary>
    public void Dispose()
    {
    }
}
