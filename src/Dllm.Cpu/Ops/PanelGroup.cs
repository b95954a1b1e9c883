using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;

namespace Dllm.Cpu.Ops;

/// <summary>
/// The body every packed-weight matmul job shares: a group of weight panels (<see cref="PanelTile.Width{TVec}"/>
/// features each) times every activation row, into a per-thread accumulator block [Rows, group features],
/// row-major like y. Depth stretches that keep the activation panel in L2 (<see cref="MatMulGroup{TVec}.DepthChunk"/>)
/// come first, then the group's panels, and within a stretch every row pass, so the stretch of the panel's
/// weights is read from memory once and from L2 by the later passes. (Stopping every 256 k-steps to let
/// the later passes read from L1 instead was slower: 282 against 323 GFLOP/s at M = 40 on a Zen 5.)
/// Splitting k only stores and reloads exact f32 accumulators: each element remains a single FMA chain over k
/// in order.
/// </summary>
internal static unsafe class PanelGroup<TVec> where TVec : struct, IFloatVector<TVec>
{
    /// <summary>accumulators [Rows, (panelEnd − panel0)·Width] (row stride <paramref name="stride"/>) = x·W[panel0·Width ..]ᵀ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(in MatMulPanel panel, PackedWeight weight, int panel0, int panelEnd, float* accumulators, int stride)
    {
        int chunk = MatMulGroup<TVec>.DepthChunk(panel);
        for (int c0 = 0; c0 < panel.Depth; c0 += chunk)
        {
            int c1 = Math.Min(c0 + chunk, panel.Depth);
            for (int p = panel0; p < panelEnd; p++)
            {
                Stretch(panel, weight, p, c0, c1 - c0, accumulators + (long)(p - panel0) * weight.Width, stride);
            }
        }
    }

    /// <summary>
    /// <see cref="Accumulate"/> for the same panels of two weights of one shape (gate and up): each depth
    /// stretch of the activation panel serves both while it is in cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulatePair(
        in MatMulPanel panel, PackedWeight first, PackedWeight second, int panel0, int panelEnd, float* firstAccumulators, float* secondAccumulators, int stride)
    {
        int chunk = MatMulGroup<TVec>.DepthChunk(panel);
        for (int c0 = 0; c0 < panel.Depth; c0 += chunk)
        {
            int c1 = Math.Min(c0 + chunk, panel.Depth);
            for (int p = panel0; p < panelEnd; p++)
            {
                long offset = (long)(p - panel0) * first.Width;
                Stretch(panel, first, p, c0, c1 - c0, firstAccumulators + offset, stride);
                Stretch(panel, second, p, c0, c1 - c0, secondAccumulators + offset, stride);
            }
        }
    }

    /// <summary>
    /// The usual epilogue: y[m, n0 + j] = acc[m, j] (+ bias[n0 + j]) for every row m and the
    /// <paramref name="columns"/> real output features; y is [Rows, <paramref name="width"/>].
    /// </summary>
    public static void Store(int rows, float* accumulators, int stride, int n0, int columns, float* bias, float* y, int width)
    {
        for (int m = 0; m < rows; m++)
        {
            float* row = y + (long)m * width + n0;
            float* acc = accumulators + (long)m * stride;
            for (int j = 0; j < columns; j++)
            {
                row[j] = bias == null ? acc[j] : acc[j] + bias[n0 + j];
            }
        }
    }

    /// <summary>
    /// One depth stretch of one panel over every row, in passes of <see cref="PanelTile.MaxRows"/> rows and
    /// the rest (16 rows on AVX-512: 12 and 4, which ran 10 % faster than two passes of 8 on a Zen 5).
    /// </summary>
    private static void Stretch(in MatMulPanel panel, PackedWeight weight, int p, int k0, int depth, float* acc, int stride)
    {
        byte* w = weight.At(p, k0);
        float* x = panel.Packed + (long)k0 * panel.PaddedRows;
        for (int m = 0; m < panel.Rows;)
        {
            int rows = Math.Min(PanelTile.MaxRows, panel.Rows - m);
            PanelTile.Multiply<TVec>(rows, x + m, panel.PaddedRows, w, weight.Type, depth, acc + (long)m * stride, stride, k0 > 0, prefetch: m == 0);
            m += rows;
        }
    }
}
