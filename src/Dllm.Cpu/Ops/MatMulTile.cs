using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Dllm.Cpu.Simd;

namespace Dllm.Cpu.Ops;

/// <summary>
/// The matmul micro-kernel, an outer-product register tile: up to two vectors of activation rows
/// (lanes run along rows m) times <see cref="WeightRows"/> weight rows, 24 vector accumulators. Each
/// step k loads x[m.., k] from the transposed activation panel, broadcasts w[n, k] and does one FMA
/// per accumulator. So every output element is one lane of one FMA chain over k = 0, 1, ..., K−1,
/// started from zero: its value depends on nothing but its own x row, w row and K, whatever the tile,
/// the thread or the number of rows. Where the processor has only 16 vector registers (AVX2), a
/// two-vector tile runs as two passes of 6 weight rows, 12 accumulators each: the 24 accumulators of one
/// pass would not fit, and RyuJIT spilled them to the stack every step (a Zen 3 core at 33 % of its FMA peak).
/// </summary>
internal static unsafe class MatMulTile
{
    /// <summary>Weight rows per tile (n direction).</summary>
    public const int WeightRows = 12;

    /// <summary>Activation vectors per full tile (m direction).</summary>
    public const int RowVectors = 2;

    /// <summary>
    /// k-values per staged weight block: the weight tile [WeightRows, DepthBlock] (12 KiB) stays in L1
    /// while the activation panel [DepthBlock, rows] streams from L2. A constant, so the twelve
    /// weight rows sit at constant offsets from one pointer.
    /// </summary>
    public const int DepthBlock = 256;

    /// <summary>Whether the register file holds a two-vector tile's 24 accumulators (32 vector registers: AVX-512, Arm64).</summary>
    private static bool HoldsFullTile => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported;

    /// <summary>k-steps between two prefetch points (a 64-byte line holds 16 f32 or 32 bf16 weights of a row).</summary>
    private const int PrefetchSteps = 16;

    /// <summary><see cref="MultiplyLanes{T, TRows}"/> at the width of <typeparamref name="TVec"/>, the path's own vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply<TVec, TRows>(
        float* x, int xStride, float* w, int depth, float* acc, int accStride, bool accumulate, WeightPrefetch prefetch)
        where TVec : struct, IFloatVector<TVec>
        where TRows : struct, ITileRows
    {
        if (TVec.Count == Vector512<float>.Count)
        {
            MultiplyLanes<Vector512<float>, TRows>(x, xStride, w, depth, acc, accStride, accumulate, prefetch);
        }
        else if (TVec.Count == Vector256<float>.Count)
        {
            MultiplyLanes<Vector256<float>, TRows>(x, xStride, w, depth, acc, accStride, accumulate, prefetch);
        }
        else if (TVec.Count == Vector128<float>.Count)
        {
            MultiplyLanes<Vector128<float>, TRows>(x, xStride, w, depth, acc, accStride, accumulate, prefetch);
        }
        else
        {
            MultiplyLanes<float, TRows>(x, xStride, w, depth, acc, accStride, accumulate, prefetch);
        }
    }

    /// <summary>
    /// acc[j, m..] (+)= Σ_k x[k, m..] · w[j, k] for k in [0, depth) and the <see cref="WeightRows"/> rows j,
    /// in one pass or, for a two-vector tile on a 16-register machine, two passes of half the rows.
    /// </summary>
    /// <param name="x">Activation panel at column m: x[k·xStride + lane].</param>
    /// <param name="w">Staged weight block, [WeightRows, DepthBlock].</param>
    /// <param name="acc">Accumulators at column m: acc[j·accStride + lane]; loaded when <paramref name="accumulate"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyLanes<T, TRows>(
        float* x, int xStride, float* w, int depth, float* acc, int accStride, bool accumulate, WeightPrefetch prefetch)
        where T : struct
        where TRows : struct, ITileRows
    {
        if (TRows.Vectors == 2 && !HoldsFullTile)
        {
            const int half = WeightRows / 2;
            Pass<T, TRows, HalfWeightRows>(x, xStride, w, depth, acc, accStride, accumulate, prefetch);
            Pass<T, TRows, HalfWeightRows>(x, xStride, w + half * DepthBlock, depth, acc + half * accStride, accStride, accumulate, default);
        }
        else
        {
            Pass<T, TRows, AllWeightRows>(x, xStride, w, depth, acc, accStride, accumulate, prefetch);
        }
    }

    /// <summary>The register tile over the first <typeparamref name="TWeights"/> rows of the staged block at <paramref name="w"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pass<T, TRows, TWeights>(
        float* x, int xStride, float* w, int depth, float* acc, int accStride, bool accumulate, WeightPrefetch prefetch)
        where T : struct
        where TRows : struct, ITileRows
        where TWeights : struct, ITileWeightRows
    {
        bool two = TRows.Vectors == 2;
        bool all = TWeights.Rows == WeightRows;
        int c = NativeLanes.Count<T>();
        float* upper = acc + c;
        T a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default;
        T a6 = default, a7 = default, a8 = default, a9 = default, a10 = default, a11 = default;
        T b0 = default, b1 = default, b2 = default, b3 = default, b4 = default, b5 = default;
        T b6 = default, b7 = default, b8 = default, b9 = default, b10 = default, b11 = default;
        if (accumulate)
        {
            a0 = NativeLanes.Load<T>(acc); a1 = NativeLanes.Load<T>(acc + accStride); a2 = NativeLanes.Load<T>(acc + 2 * accStride);
            a3 = NativeLanes.Load<T>(acc + 3 * accStride); a4 = NativeLanes.Load<T>(acc + 4 * accStride); a5 = NativeLanes.Load<T>(acc + 5 * accStride);
            if (all)
            {
                a6 = NativeLanes.Load<T>(acc + 6 * accStride); a7 = NativeLanes.Load<T>(acc + 7 * accStride); a8 = NativeLanes.Load<T>(acc + 8 * accStride);
                a9 = NativeLanes.Load<T>(acc + 9 * accStride); a10 = NativeLanes.Load<T>(acc + 10 * accStride); a11 = NativeLanes.Load<T>(acc + 11 * accStride);
            }
            if (two)
            {
                b0 = NativeLanes.Load<T>(upper); b1 = NativeLanes.Load<T>(upper + accStride); b2 = NativeLanes.Load<T>(upper + 2 * accStride);
                b3 = NativeLanes.Load<T>(upper + 3 * accStride); b4 = NativeLanes.Load<T>(upper + 4 * accStride); b5 = NativeLanes.Load<T>(upper + 5 * accStride);
            }
            if (two && all)
            {
                b6 = NativeLanes.Load<T>(upper + 6 * accStride); b7 = NativeLanes.Load<T>(upper + 7 * accStride); b8 = NativeLanes.Load<T>(upper + 8 * accStride);
                b9 = NativeLanes.Load<T>(upper + 9 * accStride); b10 = NativeLanes.Load<T>(upper + 10 * accStride); b11 = NativeLanes.Load<T>(upper + 11 * accStride);
            }
        }
        const int d = DepthBlock;
        // Sixteen k-steps per prefetch point, so the inner loop carries no prefetch test (the one-vector
        // tiles, with half the FMAs per step, ran 10 to 20 % faster for it).
        for (int k0 = 0; k0 < depth; k0 += PrefetchSteps)
        {
            if ((k0 / PrefetchSteps) < prefetch.Lines && Sse.IsSupported)
            {
                byte* line = prefetch.Address + (k0 / PrefetchSteps) * WeightPrefetch.CacheLine;
                for (int row = 0; row < prefetch.Rows; row++, line += prefetch.RowStride)
                {
                    Sse.Prefetch0(line);
                }
            }
            int kEnd = Math.Min(k0 + PrefetchSteps, depth);
            for (int k = k0; k < kEnd; k++, x += xStride)
            {
                T x0 = NativeLanes.Load<T>(x);
                T x1 = two ? NativeLanes.Load<T>(x + c) : default;
                float* wk = w + k;
                // Broadcasts written inside each FMA: a one-vector tile then folds them into the FMA's memory
                // operand (one instruction, no shuffle; 70 % to 90 % of peak on Zen 4); a two-vector tile still
                // shares one broadcast register between its pair.
                a0 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[0]), a0); if (two) { b0 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[0]), b0); }
                a1 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[d]), a1); if (two) { b1 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[d]), b1); }
                a2 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[2 * d]), a2); if (two) { b2 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[2 * d]), b2); }
                a3 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[3 * d]), a3); if (two) { b3 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[3 * d]), b3); }
                a4 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[4 * d]), a4); if (two) { b4 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[4 * d]), b4); }
                a5 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[5 * d]), a5); if (two) { b5 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[5 * d]), b5); }
                if (all)
                {
                    a6 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[6 * d]), a6); if (two) { b6 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[6 * d]), b6); }
                    a7 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[7 * d]), a7); if (two) { b7 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[7 * d]), b7); }
                    a8 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[8 * d]), a8); if (two) { b8 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[8 * d]), b8); }
                    a9 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[9 * d]), a9); if (two) { b9 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[9 * d]), b9); }
                    a10 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[10 * d]), a10); if (two) { b10 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[10 * d]), b10); }
                    a11 = NativeLanes.MultiplyAdd(x0, NativeLanes.Broadcast<T>(wk[11 * d]), a11); if (two) { b11 = NativeLanes.MultiplyAdd(x1, NativeLanes.Broadcast<T>(wk[11 * d]), b11); }
                }
            }
        }
        NativeLanes.Store(acc, a0); NativeLanes.Store(acc + accStride, a1); NativeLanes.Store(acc + 2 * accStride, a2);
        NativeLanes.Store(acc + 3 * accStride, a3); NativeLanes.Store(acc + 4 * accStride, a4); NativeLanes.Store(acc + 5 * accStride, a5);
        if (all)
        {
            NativeLanes.Store(acc + 6 * accStride, a6); NativeLanes.Store(acc + 7 * accStride, a7); NativeLanes.Store(acc + 8 * accStride, a8);
            NativeLanes.Store(acc + 9 * accStride, a9); NativeLanes.Store(acc + 10 * accStride, a10); NativeLanes.Store(acc + 11 * accStride, a11);
        }
        if (two)
        {
            NativeLanes.Store(upper, b0); NativeLanes.Store(upper + accStride, b1); NativeLanes.Store(upper + 2 * accStride, b2);
            NativeLanes.Store(upper + 3 * accStride, b3); NativeLanes.Store(upper + 4 * accStride, b4); NativeLanes.Store(upper + 5 * accStride, b5);
        }
        if (two && all)
        {
            NativeLanes.Store(upper + 6 * accStride, b6); NativeLanes.Store(upper + 7 * accStride, b7); NativeLanes.Store(upper + 8 * accStride, b8);
            NativeLanes.Store(upper + 9 * accStride, b9); NativeLanes.Store(upper + 10 * accStride, b10); NativeLanes.Store(upper + 11 * accStride, b11);
        }
    }
}
