using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// y [M, N] = x [M, K] · Wᵀ (+ bias), W f32 or bf16 [N, K] read in place. x is transposed once per call
/// into a zero-padded panel (M·K floats, small next to W); W is only ever staged a tile at a time.
/// </summary>
internal sealed unsafe class MatMulOp<TVec>(WorkerPool pool) : IDisposable where TVec : struct, IFloatVector<TVec>
{
    private readonly ScratchBuffer _packed = new();
    private readonly ScratchBuffer _workers = new();

    public void Run(ReadOnlySpan<float> x, WeightMatrix w, ReadOnlySpan<float> bias, Span<float> y)
    {
        int depth = w.Cols;
        int n = w.Rows;
        int rows = OpShapeChecks.MatMulRows(x, n, depth, bias, y);
        if (rows == 0 || n == 0)
        {
            return;
        }
        if (depth == 0)
        {
            for (int m = 0; m < rows; m++)
            {
                Span<float> row = y.Slice(m * n, n);
                if (bias.IsEmpty) { row.Clear(); } else { bias.CopyTo(row); }
            }
            return;
        }

        int paddedRows = MatMulPanel.PadRows(rows, TVec.Count);
        int tiles = MatMulGrouping.Tiles(n);
        int groupTiles = MatMulGrouping.GroupTiles(tiles, paddedRows, pool.ThreadCount);
        _workers.EnsureCapacity(pool.ThreadCount, MatMulJob<TVec>.ScratchFloats(groupTiles, paddedRows));
        fixed (float* xPointer = x, biasPointer = bias, yPointer = y)
        {
            pool.RunDynamic(tiles, groupTiles, new MatMulJob<TVec>
            {
                Panel = MatMulPackJob.Pack(pool, xPointer, rows, depth, paddedRows, _packed),
                Weight = w,
                Bias = bias.IsEmpty ? null : biasPointer,
                Output = yPointer,
                Scratch = _workers,
                GroupTiles = groupTiles,
            });
        }
    }

    public void Dispose()
    {
        _packed.Dispose();
        _workers.Dispose();
    }
}
