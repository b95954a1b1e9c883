using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// Bidirectional attention, one task per (sequence, head), as two passes of the matmul micro-kernel per
/// block of queries (one query per lane): scoresᵀ [keys, queries] = K·Qᵀ, then the softmax down each lane,
/// then outᵀ = Vᵀ·P. So every score is one FMA chain over the head dimension, every probability sum and
/// every output element one chain over the keys in index order: nothing depends on the other queries of
/// the block or the other sequences of the batch. Masked keys get probability 0; a query that may see no
/// key gets zeros. The head's queries and keys ([length, d], gathered through <typeparamref name="TLayout"/>)
/// and values (transposed, [d, length]) are first copied to per-thread buffers: in the packed batch they
/// sit a whole row apart.
/// </summary>
internal readonly unsafe struct AttentionJob<TVec, TLayout>(
    float* q, float* k, float* v, TLayout layout, AttentionShape shape, SequenceSlice[] sequences, ScratchBuffer scratch) : IWorkerJob
    where TVec : struct, IFloatVector<TVec>
    where TLayout : struct, IAttentionLayout
{
    private const int Tile = MatMulTile.WeightRows;
    private const int Depth = MatMulTile.DepthBlock;

    /// <summary>Queries per block: the micro-kernel's two activation vectors.</summary>
    private static int Block => MatMulTile.RowVectors * TVec.Count;

    /// <summary>Per-thread scratch floats for sequences up to <paramref name="length"/> long.</summary>
    public static long ScratchFloats(int length, int headDim)
    {
        return 3L * length * headDim + RoundUp(length, Tile) * Block + (long)headDim * Block + Tile * Depth + Tile * Block + Block;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int start, int end, int worker)
    {
        int d = shape.HeadDim;
        for (int task = start; task < end; task++)
        {
            SequenceSlice sequence = sequences[task / shape.NumHeads];
            int head = task % shape.NumHeads;
            int length = sequence.Length;
            float* queries = scratch.Slice(worker);                      // [length, d]
            float* keys = queries + (long)length * d;                    // [length, d]
            float* valuesT = keys + (long)length * d;                    // [d, length]
            float* scoresT = valuesT + (long)d * length;                 // [keys rounded to tiles, Block]
            float* queryT = scoresT + RoundUp(length, Tile) * Block;      // [d, Block]
            float* staged = queryT + (long)d * Block;                    // [Tile, Depth]
            float* outputT = staged + Tile * Depth;                      // [Tile, Block]
            float* sums = outputT + Tile * Block;                        // [Block]
            long kvOffset = (long)sequence.Start * shape.KvWidth + shape.KvHeadOf(head) * d;
            long queryOffset = (long)sequence.Start * shape.QueryWidth + head * d;
            for (int row = 0; row < length; row++)
            {
                layout.Gather(q + queryOffset + (long)row * shape.QueryWidth, queries + (long)row * d, d, sequence.Start + row);
                layout.Gather(k + kvOffset + (long)row * shape.KvWidth, keys + (long)row * d, d, sequence.Start + row);
            }
            // Transposed in runs of 16 keys: each destination line is written whole while 16 source rows stay in L1.
            for (int key0 = 0; key0 < length; key0 += 16)
            {
                int keyEnd = Math.Min(key0 + 16, length);
                for (int i = 0; i < d; i++)
                {
                    float* source = v + kvOffset + (long)key0 * shape.KvWidth + i;
                    float* destination = valuesT + (long)i * length;
                    for (int key = key0; key < keyEnd; key++, source += shape.KvWidth)
                    {
                        destination[key] = *source;
                    }
                }
            }
            for (int q0 = 0; q0 < length; q0 += Block)
            {
                int count = Math.Min(Block, length - q0);
                float* block = queries + (long)q0 * d;
                for (int i = 0; i < d; i++)
                {
                    for (int lane = 0; lane < Block; lane++)
                    {
                        queryT[i * Block + lane] = lane < count ? block[(long)lane * d + i] : 0f;
                    }
                }
                for (int key0 = 0; key0 < length; key0 += Tile)
                {
                    Multiply(queryT, keys, length, key0, d, staged, scoresT + key0 * Block);
                }
                Softmax(scoresT, length, sequence.Mask, q0, count, sums);
                for (int i0 = 0; i0 < d; i0 += Tile)
                {
                    Multiply(scoresT, valuesT, d, i0, length, staged, outputT);
                    Store(outputT, sums, Math.Min(Tile, d - i0), count, sequence.Start + q0, head * d + i0);
                }
            }
        }
    }

    /// <summary>
    /// acc [Tile, Block] = rows [row0, row0 + Tile) of <paramref name="rows"/> [rowCount, depth] times the
    /// panel [depth, Block], depth block by depth block; rows past the end are zero.
    /// </summary>
    private static void Multiply(float* panel, float* rows, int rowCount, int row0, int depth, float* staged, float* acc)
    {
        for (int k0 = 0; k0 < depth; k0 += Depth)
        {
            int run = Math.Min(Depth, depth - k0);
            for (int j = 0; j < Tile; j++)
            {
                float* destination = staged + j * Depth;
                if (row0 + j < rowCount)
                {
                    VectorLoops.Copy<TVec>(rows + (long)(row0 + j) * depth + k0, destination, run);
                }
                else
                {
                    new Span<float>(destination, run).Clear();
                }
            }
            MatMulTile.Multiply<TVec, TwoRowVectors>(panel + (long)k0 * Block, Block, staged, run, acc, Block, k0 > 0, default);
        }
    }

    /// <summary>
    /// Turns scoresᵀ [length, Block] into probabilities in place, one query per lane: scale by 1/√d, mask,
    /// subtract the lane's max, exponentiate, and sum down the lane. A lane whose query sees no key gets sum 0.
    /// </summary>
    private void Softmax(float* scoresT, int length, AttentionMask? mask, int q0, int count, float* sums)
    {
        int c = TVec.Count;
        TVec scale = TVec.Broadcast(1f / MathF.Sqrt(shape.HeadDim));
        for (int key = 0; key < length; key++)
        {
            float* row = scoresT + key * Block;
            TVec.Store(row, TVec.Load(row) * scale);
            TVec.Store(row + c, TVec.Load(row + c) * scale);
        }
        if (mask is not null)
        {
            for (int lane = 0; lane < count; lane++)
            {
                ReadOnlySpan<bool> allowed = mask.Row(q0 + lane);
                for (int key = 0; key < length; key++)
                {
                    if (!allowed[key])
                    {
                        scoresT[key * Block + lane] = float.NegativeInfinity;
                    }
                }
            }
        }
        TVec max0 = TVec.Broadcast(float.NegativeInfinity), max1 = max0;
        for (int key = 0; key < length; key++)
        {
            max0 = TVec.Max(max0, TVec.Load(scoresT + key * Block));
            max1 = TVec.Max(max1, TVec.Load(scoresT + key * Block + c));
        }
        TVec sum0 = TVec.Zero, sum1 = TVec.Zero;
        for (int key = 0; key < length; key++)
        {
            float* row = scoresT + key * Block;
            TVec e0 = TVec.Exp(TVec.Load(row) - max0), e1 = TVec.Exp(TVec.Load(row + c) - max1);
            TVec.Store(row, e0);
            TVec.Store(row + c, e1);
            sum0 += e0;
            sum1 += e1;
        }
        TVec.Store(sums, sum0);
        TVec.Store(sums + c, sum1);
        float* maxima = stackalloc float[2 * c];
        TVec.Store(maxima, max0);
        TVec.Store(maxima + c, max1);
        for (int lane = 0; lane < Block; lane++)
        {
            if (float.IsNegativeInfinity(maxima[lane]))
            {
                sums[lane] = 0f; // e^(−∞ − (−∞)) is NaN: this query sees no key
            }
        }
    }

    /// <summary>out[row0 + lane, column0 + j] = outᵀ[j, lane] / sum[lane] for the block's real queries; zeros where the sum is 0.</summary>
    private void Store(float* outputT, float* sums, int columns, int count, int row0, int column0)
    {
        for (int lane = 0; lane < count; lane++)
        {
            float sum = sums[lane];
            for (int j = 0; j < columns; j++)
            {
                layout.Store(row0 + lane, column0 + j, sum == 0f ? 0f : outputT[j * Block + lane] / sum);
            }
        }
    }

    private static long RoundUp(int value, int multiple) => (value + multiple - 1L) / multiple * multiple;
}
