using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Dllm.Cpu.Simd;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// The matmul micro-kernel over packed weights (<see cref="PackedWeight"/>): up to <see cref="MaxRows"/>
/// activation rows times one panel of two vectors of output features, two vector accumulators per row.
/// Each step k loads the panel's two weight vectors w[k, j..], broadcasts x[m, k] of every row and does
/// two FMAs per row, so every output element is one lane of one FMA chain over k = 0, 1, ..., K−1 started
/// from zero, exactly as in <see cref="MatMulTile"/> (x·w and w·x are the same product under one rounding):
/// its value depends on nothing but its own x row, w row and K, whatever the tile, the thread or the
/// number of rows. Rows run along the broadcasts, so a pass covers exactly the rows there are (no padding
/// to whole vectors), and features along the lanes, so accumulators store straight into rows of y.
/// </summary>
internal static unsafe class PanelTile
{
    /// <summary>
    /// Rows per pass: 24 accumulators, two weight vectors and a broadcast where there are 32 vector registers
    /// (AVX-512, Arm64), half that where there are 16 (AVX2 and older x64), so nothing spills.
    /// </summary>
    /// <summary>
    /// Bytes ahead of the panel row being read that a prefetching pass pulls into L1: 64 k-steps of bf16 at
    /// 32 features. The hardware prefetcher alone left a one-pass head (M ≤ 12) waiting on memory: with it
    /// the 126k-word head at 4 rows went from 33 to 20–28 ms and at 12 rows from 45 to 32–35 ms on a Zen 5.
    /// </summary>
    private const int PrefetchDistance = 4096;

    public static int MaxRows => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported ? 12 : 6;

    /// <summary>Output features per panel on the path of <typeparamref name="TVec"/>: two vectors.</summary>
    public static int Width<TVec>() where TVec : struct, IFloatVector<TVec> => 2 * TVec.Count;

    /// <summary>
    /// acc[i·accStride + j] (+)= Σ_k x[k·xStride + i] · w[k·Width + j] for rows i &lt; <paramref name="rows"/>
    /// (at most <see cref="MaxRows"/>), features j &lt; Width and k in [0, depth).
    /// </summary>
    /// <param name="x">Activation panel xᵀ at row m and depth k0.</param>
    /// <param name="w">Packed weight panel at depth k0.</param>
    /// <param name="acc">Accumulators of row m at the panel's first feature; loaded when <paramref name="accumulate"/>.</param>
    /// <param name="prefetch">Whether this pass prefetches the panel ahead (the first pass over a stretch; later passes find it in cache).</param>
    public static void Multiply<TVec>(int rows, float* x, int xStride, byte* w, WeightType type, int depth, float* acc, int accStride, bool accumulate, bool prefetch)
        where TVec : struct, IFloatVector<TVec>
    {
        prefetch &= Sse.IsSupported;
        if (TVec.Count == Vector512<float>.Count)
        {
            ByType<Vector512<float>>(rows, x, xStride, w, type, depth, acc, accStride, accumulate, prefetch);
        }
        else if (TVec.Count == Vector256<float>.Count)
        {
            ByType<Vector256<float>>(rows, x, xStride, w, type, depth, acc, accStride, accumulate, prefetch);
        }
        else if (TVec.Count == Vector128<float>.Count)
        {
            ByType<Vector128<float>>(rows, x, xStride, w, type, depth, acc, accStride, accumulate, prefetch);
        }
        else
        {
            ByType<float>(rows, x, xStride, w, type, depth, acc, accStride, accumulate, prefetch);
        }
    }

    private static void ByType<T>(int rows, float* x, int xStride, byte* w, WeightType type, int depth, float* acc, int accStride, bool accumulate, bool prefetch)
        where T : struct
    {
        if (type == WeightType.F32)
        {
            ByRows<T, F32PanelElements>(rows, x, xStride, w, depth, acc, accStride, accumulate, prefetch);
        }
        else
        {
            ByRows<T, Bf16PanelElements>(rows, x, xStride, w, depth, acc, accStride, accumulate, prefetch);
        }
    }

    private static void ByRows<T, TElements>(int rows, float* x, int xStride, byte* w, int depth, float* acc, int accStride, bool accumulate, bool prefetch)
        where T : struct
        where TElements : struct, IPanelElements
    {
        switch (rows)
        {
            case 1: Pass<T, PanelRows1, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 2: Pass<T, PanelRows2, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 3: Pass<T, PanelRows3, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 4: Pass<T, PanelRows4, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 5: Pass<T, PanelRows5, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 6: Pass<T, PanelRows6, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 7: Pass<T, PanelRows7, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 8: Pass<T, PanelRows8, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 9: Pass<T, PanelRows9, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 10: Pass<T, PanelRows10, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 11: Pass<T, PanelRows11, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            case 12: Pass<T, PanelRows12, TElements>(x, xStride, w, depth, acc, accStride, accumulate, prefetch); break;
            default: throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A panel pass covers 1 to {MaxRows} rows.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pass<T, TRows, TElements>(float* x, int xStride, byte* w, int depth, float* acc, int accStride, bool accumulate, bool prefetch)
        where T : struct
        where TRows : struct, IPanelRows
        where TElements : struct, IPanelElements
    {
        int n = TRows.Count;
        int c = NativeLanes.Count<T>();
        int rowBytes = 2 * c * TElements.Size;
        T a0 = default, b0 = default;
        T a1 = default, b1 = default;
        T a2 = default, b2 = default;
        T a3 = default, b3 = default;
        T a4 = default, b4 = default;
        T a5 = default, b5 = default;
        T a6 = default, b6 = default;
        T a7 = default, b7 = default;
        T a8 = default, b8 = default;
        T a9 = default, b9 = default;
        T a10 = default, b10 = default;
        T a11 = default, b11 = default;
        if (accumulate)
        {
            if (n > 0) { a0 = NativeLanes.Load<T>(acc + 0 * accStride); b0 = NativeLanes.Load<T>(acc + 0 * accStride + c); }
            if (n > 1) { a1 = NativeLanes.Load<T>(acc + 1 * accStride); b1 = NativeLanes.Load<T>(acc + 1 * accStride + c); }
            if (n > 2) { a2 = NativeLanes.Load<T>(acc + 2 * accStride); b2 = NativeLanes.Load<T>(acc + 2 * accStride + c); }
            if (n > 3) { a3 = NativeLanes.Load<T>(acc + 3 * accStride); b3 = NativeLanes.Load<T>(acc + 3 * accStride + c); }
            if (n > 4) { a4 = NativeLanes.Load<T>(acc + 4 * accStride); b4 = NativeLanes.Load<T>(acc + 4 * accStride + c); }
            if (n > 5) { a5 = NativeLanes.Load<T>(acc + 5 * accStride); b5 = NativeLanes.Load<T>(acc + 5 * accStride + c); }
            if (n > 6) { a6 = NativeLanes.Load<T>(acc + 6 * accStride); b6 = NativeLanes.Load<T>(acc + 6 * accStride + c); }
            if (n > 7) { a7 = NativeLanes.Load<T>(acc + 7 * accStride); b7 = NativeLanes.Load<T>(acc + 7 * accStride + c); }
            if (n > 8) { a8 = NativeLanes.Load<T>(acc + 8 * accStride); b8 = NativeLanes.Load<T>(acc + 8 * accStride + c); }
            if (n > 9) { a9 = NativeLanes.Load<T>(acc + 9 * accStride); b9 = NativeLanes.Load<T>(acc + 9 * accStride + c); }
            if (n > 10) { a10 = NativeLanes.Load<T>(acc + 10 * accStride); b10 = NativeLanes.Load<T>(acc + 10 * accStride + c); }
            if (n > 11) { a11 = NativeLanes.Load<T>(acc + 11 * accStride); b11 = NativeLanes.Load<T>(acc + 11 * accStride + c); }
        }
        for (int k = 0; k < depth; k++, x += xStride)
        {
            if (prefetch)
            {
                byte* ahead = w + rowBytes * k + PrefetchDistance;
                Sse.Prefetch0(ahead);
                if (rowBytes > WeightPrefetch.CacheLine)
                {
                    Sse.Prefetch0(ahead + WeightPrefetch.CacheLine);
                }
            }
            T w0 = TElements.Load<T>(w, 2 * c * k);
            T w1 = TElements.Load<T>(w, 2 * c * k + c);
            if (n > 0) { T v = NativeLanes.Broadcast<T>(x[0]); a0 = NativeLanes.MultiplyAdd(v, w0, a0); b0 = NativeLanes.MultiplyAdd(v, w1, b0); }
            if (n > 1) { T v = NativeLanes.Broadcast<T>(x[1]); a1 = NativeLanes.MultiplyAdd(v, w0, a1); b1 = NativeLanes.MultiplyAdd(v, w1, b1); }
            if (n > 2) { T v = NativeLanes.Broadcast<T>(x[2]); a2 = NativeLanes.MultiplyAdd(v, w0, a2); b2 = NativeLanes.MultiplyAdd(v, w1, b2); }
            if (n > 3) { T v = NativeLanes.Broadcast<T>(x[3]); a3 = NativeLanes.MultiplyAdd(v, w0, a3); b3 = NativeLanes.MultiplyAdd(v, w1, b3); }
            if (n > 4) { T v = NativeLanes.Broadcast<T>(x[4]); a4 = NativeLanes.MultiplyAdd(v, w0, a4); b4 = NativeLanes.MultiplyAdd(v, w1, b4); }
            if (n > 5) { T v = NativeLanes.Broadcast<T>(x[5]); a5 = NativeLanes.MultiplyAdd(v, w0, a5); b5 = NativeLanes.MultiplyAdd(v, w1, b5); }
            if (n > 6) { T v = NativeLanes.Broadcast<T>(x[6]); a6 = NativeLanes.MultiplyAdd(v, w0, a6); b6 = NativeLanes.MultiplyAdd(v, w1, b6); }
            if (n > 7) { T v = NativeLanes.Broadcast<T>(x[7]); a7 = NativeLanes.MultiplyAdd(v, w0, a7); b7 = NativeLanes.MultiplyAdd(v, w1, b7); }
            if (n > 8) { T v = NativeLanes.Broadcast<T>(x[8]); a8 = NativeLanes.MultiplyAdd(v, w0, a8); b8 = NativeLanes.MultiplyAdd(v, w1, b8); }
            if (n > 9) { T v = NativeLanes.Broadcast<T>(x[9]); a9 = NativeLanes.MultiplyAdd(v, w0, a9); b9 = NativeLanes.MultiplyAdd(v, w1, b9); }
            if (n > 10) { T v = NativeLanes.Broadcast<T>(x[10]); a10 = NativeLanes.MultiplyAdd(v, w0, a10); b10 = NativeLanes.MultiplyAdd(v, w1, b10); }
            if (n > 11) { T v = NativeLanes.Broadcast<T>(x[11]); a11 = NativeLanes.MultiplyAdd(v, w0, a11); b11 = NativeLanes.MultiplyAdd(v, w1, b11); }
        }
        if (n > 0) { NativeLanes.Store(acc + 0 * accStride, a0); NativeLanes.Store(acc + 0 * accStride + c, b0); }
        if (n > 1) { NativeLanes.Store(acc + 1 * accStride, a1); NativeLanes.Store(acc + 1 * accStride + c, b1); }
        if (n > 2) { NativeLanes.Store(acc + 2 * accStride, a2); NativeLanes.Store(acc + 2 * accStride + c, b2); }
        if (n > 3) { NativeLanes.Store(acc + 3 * accStride, a3); NativeLanes.Store(acc + 3 * accStride + c, b3); }
        if (n > 4) { NativeLanes.Store(acc + 4 * accStride, a4); NativeLanes.Store(acc + 4 * accStride + c, b4); }
        if (n > 5) { NativeLanes.Store(acc + 5 * accStride, a5); NativeLanes.Store(acc + 5 * accStride + c, b5); }
        if (n > 6) { NativeLanes.Store(acc + 6 * accStride, a6); NativeLanes.Store(acc + 6 * accStride + c, b6); }
        if (n > 7) { NativeLanes.Store(acc + 7 * accStride, a7); NativeLanes.Store(acc + 7 * accStride + c, b7); }
        if (n > 8) { NativeLanes.Store(acc + 8 * accStride, a8); NativeLanes.Store(acc + 8 * accStride + c, b8); }
        if (n > 9) { NativeLanes.Store(acc + 9 * accStride, a9); NativeLanes.Store(acc + 9 * accStride + c, b9); }
        if (n > 10) { NativeLanes.Store(acc + 10 * accStride, a10); NativeLanes.Store(acc + 10 * accStride + c, b10); }
        if (n > 11) { NativeLanes.Store(acc + 11 * accStride, a11); NativeLanes.Store(acc + 11 * accStride + c, b11); }
    }
}
