using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// y [M, N] = x [M, K] · Wᵀ for a weight packed once (<see cref="PackedWeight"/>): x is transposed into a
/// panel per call, as for <see cref="MatMulOp{TVec}"/>, and gives the same bits as it.
/// </summary>
internal sealed unsafe class PackedMatMulOp<TVec>(WorkerPool pool) : IDisposable where TVec : struct, IFloatVector<TVec>
{
    private readonly ScratchBuffer _packed = new();
    private readonly ScratchBuffer _workers = new();

    public void Run(ReadOnlySpan<float> x, PackedWeight w, Span<float> y)
    {
        int depth = w.Cols;
        int rows = OpShapeChecks.MatMulRows(x, w.Rows, depth, default, y);
        if (rows == 0 || w.Rows == 0)
        {
            return;
        }
        if (depth == 0)
        {
            y.Slice(0, rows * w.Rows).Clear();
            return;
        }
        int groupPanels = MatMulGrouping.GroupPanels(w.Panels, rows, w.Width, pool.ThreadCount);
        _workers.EnsureCapacity(pool.ThreadCount, PackedMatMulJob<TVec>.ScratchFloats(groupPanels, rows, w.Width));
        fixed (float* xPointer = x, yPointer = y)
        {
            pool.RunDynamic(w.Panels, groupPanels, new PackedMatMulJob<TVec>
            {
                Panel = MatMulPackJob.Pack(pool, xPointer, rows, depth, MatMulPanel.PadRows(rows, TVec.Count), _packed),
                Weight = w,
                Output = yPointer,
                Scratch = _workers,
                GroupPanels = groupPanels,
            });
        }
    }

    public void Dispose()
    {
        _packed.Dispose();
        _workers.Dispose();
    }
}
