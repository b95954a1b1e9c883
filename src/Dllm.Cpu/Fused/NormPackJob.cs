using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels.Specialization;

namespace Dllm.Cpu.Fused;

/// <summary>
/// RMSNorm fused with the matmul's activation packing: each task normalises a block of
/// <see cref="RowsPerTask"/> rows into per-thread scratch (by <see cref="RmsNormRow{TVec}"/>, the generic
/// op's routine) and writes them transposed into the panel every projection of the norm reads, so Q, K
/// and V (or gate and up) share one norm and one pack. Panel rows past the real ones are zero. The row
/// width is the shape's constant, so the norm's loops run to compile-time bounds.
/// </summary>
internal readonly unsafe struct NormPackJob<TShape, TVec>(float* x, float* weight, MatMulPanel panel, ScratchBuffer scratch) : IWorkerJob
    where TShape : struct, IStaticModelShape
    where TVec : struct, IFloatVector<TVec>
{
    public const int RowsPerTask = 16;

    /// <summary>k-values written per pass, so the destination lines stay in L1 while the block's rows fill them.</summary>
    private const int DepthRun = 64;

    public static int TaskCount(int paddedRows) => (paddedRows + RowsPerTask - 1) / RowsPerTask;

    public static long ScratchFloats => (long)RowsPerTask * TShape.HiddenSize;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int start, int end, int worker)
    {
        int columns = TShape.HiddenSize;
        float* normed = scratch.Slice(worker); // [RowsPerTask, columns]
        for (int task = start; task < end; task++)
        {
            int m0 = task * RowsPerTask;
            int m1 = Math.Min(m0 + RowsPerTask, panel.PaddedRows);
            int real = Math.Min(m1, panel.Rows);
            for (int m = m0; m < real; m++)
            {
                RmsNormRow<TVec>.Normalize(x + (long)m * columns, weight, columns, TShape.RmsNormEps, normed + (long)(m - m0) * columns);
            }
            for (int k0 = 0; k0 < columns; k0 += DepthRun)
            {
                int kEnd = Math.Min(k0 + DepthRun, columns);
                for (int m = m0; m < m1; m++)
                {
                    float* destination = panel.Packed + (long)k0 * panel.PaddedRows + m;
                    float* source = normed + (long)(m - m0) * columns;
                    for (int k = k0; k < kEnd; k++, destination += panel.PaddedRows)
                    {
                        *destination = m < real ? source[k] : 0f;
                    }
                }
            }
        }
    }
}
