using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dllm.Cpu.Simd;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// The body of the in-place matmul (<see cref="MatMulJob{TVec}"/>, weights read where they lie; the
/// model's projections and head use packed weights, <see cref="PanelGroup{TVec}"/>): a group of weight
/// tiles (<see cref="MatMulTile.WeightRows"/> rows each) times the whole activation panel, into a per-thread accumulator block [group rows, PaddedRows]. Over one
/// stretch of depth that keeps the panel in L2 (<see cref="DepthChunk"/>), tile by tile, each depth block
/// of its weight rows is staged (bf16 widened) into L1 and swept over every activation vector, so each
/// weight row is read front to back in runs of kilobytes (which the prefetchers follow; walking all tiles
/// at one 256-deep block before the next, as this did before, read 512-byte pieces 8 KiB apart and left a
/// Zen 4 core waiting on memory: a one-thread M = 40 matmul went from 74 % to 84 % of the FMA peak).
/// Splitting k into blocks only stores and reloads the exact f32 accumulators, so each element remains
/// a single FMA chain over k in order; what a job does with the finished accumulators (its epilogue)
/// cannot change them.
/// </summary>
internal static unsafe class MatMulGroup<TVec> where TVec : struct, IFloatVector<TVec>
{
    /// <summary>Floats of the staged weight block at the start of a worker's scratch.</summary>
    public const int StagedFloats = MatMulTile.WeightRows * MatMulTile.DepthBlock;

    /// <summary>Panel floats one depth chunk may hold (256 KiB, half a Zen 3 core's L2).</summary>
    private const int PanelChunkFloats = 64 * 1024;

    /// <summary>Accumulator floats of a group of <paramref name="groupTiles"/> tiles.</summary>
    public static long AccumulatorFloats(int groupTiles, int paddedRows) => (long)groupTiles * MatMulTile.WeightRows * paddedRows;

    /// <summary>
    /// accumulators [(tileEnd − tile0)·WeightRows, PaddedRows] = W[tile0·WeightRows ..]·xᵀ; weight rows past
    /// W.Rows give zeros. <paramref name="after"/> is the block to prefetch once the group's last block runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(in MatMulPanel panel, WeightMatrix weight, int tile0, int tileEnd, float* staged, float* accumulators, WeightPrefetch after)
    {
        for (var walk = new BlockWalk(panel.Depth, DepthChunk(panel), tile0, tileEnd); walk.MoveNext();)
        {
            TileBlock(panel, weight, walk.Tile, walk.Tile - tile0, walk.K0, staged, accumulators, walk.Next(weight, after));
        }
    }

    /// <summary>
    /// The order a group visits its (tile, depth block) pairs: depth chunks in order, the group's tiles
    /// within a chunk, each tile's blocks within the chunk front to back.
    /// </summary>
    private struct BlockWalk(int depth, int chunk, int tile0, int tileEnd)
    {
        private int _chunkStart;
        private int _chunkEnd;
        public int Tile { get; private set; } = -1;
        public int K0 { get; private set; }

        public bool MoveNext()
        {
            if (Tile < 0)
            {
                (Tile, K0, _chunkStart, _chunkEnd) = (tile0, 0, 0, Math.Min(chunk, depth));
                return tile0 < tileEnd && depth > 0;
            }
            K0 += MatMulTile.DepthBlock;
            if (K0 < _chunkEnd)
            {
                return true;
            }
            (Tile, K0) = (Tile + 1, _chunkStart);
            if (Tile < tileEnd)
            {
                return true;
            }
            (_chunkStart, _chunkEnd) = (_chunkEnd, Math.Min(_chunkEnd + chunk, depth));
            (Tile, K0) = (tile0, _chunkStart);
            return _chunkStart < depth;
        }

        /// <summary>The block of <paramref name="weight"/> staged after the current one, for its prefetch; <paramref name="after"/> past the last.</summary>
        public readonly WeightPrefetch Next(WeightMatrix weight, WeightPrefetch after) =>
            K0 + MatMulTile.DepthBlock < _chunkEnd ? Block(weight, Tile, K0 + MatMulTile.DepthBlock)
            : Tile + 1 < tileEnd ? Block(weight, Tile + 1, _chunkStart)
            : _chunkEnd < depth ? Block(weight, tile0, _chunkEnd)
            : after;
    }

    /// <summary>
    /// How deep a group's tiles go before the next stretch of the panel: as many depth blocks as keep that
    /// stretch (depth · PaddedRows floats) within <see cref="PanelChunkFloats"/>, at least one. Each weight
    /// row is still read front to back within a stretch, while the panel stretch stays in L2 for all the
    /// group's tiles instead of streaming from L3 or memory once per tile. Without it, the MLP down
    /// projection at 264 rows (a 13 MiB panel, 12288 deep) ran at 40–56 GFLOP/s on 2 Zen 3 cores, under half
    /// the other projections (112 with the chunks).
    /// </summary>
    public static int DepthChunk(in MatMulPanel panel)
    {
        int blocks = Math.Max(1, PanelChunkFloats / (panel.PaddedRows * MatMulTile.DepthBlock));
        return blocks * MatMulTile.DepthBlock;
    }

    /// <summary>Stages one depth block of one weight tile and sweeps it over the panel into the tile's accumulators.</summary>
    private static void TileBlock(in MatMulPanel panel, WeightMatrix weight, int tile, int groupIndex, int k0, float* staged, float* accumulators, WeightPrefetch next)
    {
        int depth = Math.Min(MatMulTile.DepthBlock, panel.Depth - k0);
        Stage(weight, tile * MatMulTile.WeightRows, k0, depth, staged);
        float* tileAccumulators = accumulators + (long)groupIndex * MatMulTile.WeightRows * panel.PaddedRows;
        SweepRows(panel, panel.Packed + (long)k0 * panel.PaddedRows, staged, depth, tileAccumulators, k0 > 0, next);
    }

    /// <summary>Where the weight block of <paramref name="tile"/> at depth <paramref name="k0"/> lies, for a prefetch.</summary>
    public static WeightPrefetch Block(WeightMatrix weight, int tile, int k0)
    {
        int n0 = tile * MatMulTile.WeightRows;
        int rows = Math.Min(MatMulTile.WeightRows, weight.Rows - n0);
        int bytes = Math.Min(MatMulTile.DepthBlock, weight.Cols - k0) * weight.ElementSize;
        long rowStride = (long)weight.Cols * weight.ElementSize;
        return new WeightPrefetch(weight.RowPointer(n0) + (long)k0 * weight.ElementSize, rowStride, rows, (bytes + WeightPrefetch.CacheLine - 1) / WeightPrefetch.CacheLine);
    }

    /// <summary>
    /// The usual epilogue: y[m, n0 + j] = acc[j, m] (+ bias[n0 + j]) for the real rows m and the
    /// <paramref name="columns"/> real output columns; y is [Rows, <paramref name="width"/>].
    /// </summary>
    public static void Store(in MatMulPanel panel, float* accumulators, int n0, int columns, float* bias, float* y, int width)
    {
        for (int m = 0; m < panel.Rows; m++)
        {
            float* row = y + (long)m * width + n0;
            float* acc = accumulators + m;
            for (int j = 0; j < columns; j++)
            {
                float value = acc[(long)j * panel.PaddedRows];
                row[j] = bias == null ? value : value + bias[n0 + j];
            }
        }
    }

    /// <summary>
    /// Runs the tile over every activation row: pairs of full vectors, then the rows left one vector at a
    /// time at the narrowest accelerated width that holds them (40 rows on the 16-lane path: a pair, then
    /// 8 lanes, not 16). The first call carries the prefetch of the next block. Each lane is its own FMA
    /// chain, so the width that computes a row changes no value.
    /// </summary>
    private static void SweepRows(in MatMulPanel panel, float* x, float* staged, int depth, float* tileAccumulators, bool accumulate, WeightPrefetch next)
    {
        int c = TVec.Count;
        int stride = panel.PaddedRows;
        int m = 0;
        for (; m + MatMulTile.RowVectors * c <= panel.Rows; m += MatMulTile.RowVectors * c, next = default)
        {
            MatMulTile.Multiply<TVec, TwoRowVectors>(x + m, stride, staged, depth, tileAccumulators + m, stride, accumulate, next);
        }
        for (; m < panel.Rows; next = default)
        {
            int left = panel.Rows - m;
            if (left <= Vector128<float>.Count && c > Vector128<float>.Count && Vector128.IsHardwareAccelerated)
            {
                MatMulTile.MultiplyLanes<Vector128<float>, OneRowVector>(x + m, stride, staged, depth, tileAccumulators + m, stride, accumulate, next);
                m += Vector128<float>.Count;
            }
            else if (left <= Vector256<float>.Count && c > Vector256<float>.Count && Vector256.IsHardwareAccelerated)
            {
                MatMulTile.MultiplyLanes<Vector256<float>, OneRowVector>(x + m, stride, staged, depth, tileAccumulators + m, stride, accumulate, next);
                m += Vector256<float>.Count;
            }
            else
            {
                MatMulTile.Multiply<TVec, OneRowVector>(x + m, stride, staged, depth, tileAccumulators + m, stride, accumulate, next);
                m += c;
            }
        }
    }

    /// <summary>Copies (f32) or widens (bf16) W[n0 .. n0+WeightRows, k0 .. k0+depth] into the staging block; rows past N are zero.</summary>
    private static void Stage(WeightMatrix weight, int n0, int k0, int depth, float* staged)
    {
        for (int j = 0; j < MatMulTile.WeightRows; j++)
        {
            float* destination = staged + j * MatMulTile.DepthBlock;
            int n = n0 + j;
            if (n >= weight.Rows)
            {
                new Span<float>(destination, depth).Clear();
            }
            else if (weight.Type == WeightType.F32)
            {
                VectorLoops.Copy<TVec>((float*)weight.RowPointer(n) + k0, destination, depth);
            }
            else
            {
                VectorLoops.WidenBf16<TVec>((ushort*)weight.RowPointer(n) + k0, destination, depth);
            }
        }
    }
}
