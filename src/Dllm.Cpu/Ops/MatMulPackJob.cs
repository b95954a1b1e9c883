using System.Runtime.CompilerServices;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Ops;

/// <summary>
/// Transposes the activations x [rows, K] into the panel xᵀ [K, paddedRows] the matmul tile reads one
/// k at a time; rows past the real ones are zero (computed, never stored). One task is a block of k.
/// </summary>
internal readonly unsafe struct MatMulPackJob(float* x, int rows, int depth, float* packed, int paddedRows) : IWorkerJob
{
    public const int DepthPerTask = 64;

    public static int TaskCount(int depth) => (depth + DepthPerTask - 1) / DepthPerTask;

    /// <summary>Transposes x [rows, depth] on <paramref name="pool"/> into <paramref name="buffer"/> (grown to fit): the panel a matmul reads.</summary>
    public static MatMulPanel Pack(WorkerPool pool, float* x, int rows, int depth, int paddedRows, ScratchBuffer buffer)
    {
        buffer.EnsureCapacity(1, (long)depth * paddedRows);
        float* packed = buffer.Slice(0);
        pool.Run(TaskCount(depth), new MatMulPackJob(x, rows, depth, packed, paddedRows));
        return new MatMulPanel(packed, rows, paddedRows, depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int start, int end, int worker)
    {
        int k0 = start * DepthPerTask;
        int k1 = Math.Min(end * DepthPerTask, depth);
        for (int kb = k0; kb < k1; kb += DepthPerTask)
        {
            int kEnd = Math.Min(kb + DepthPerTask, k1);
            // m outer and a short k run inner: the DepthPerTask destination lines stay in L1 while 16 rows fill them.
            for (int m = 0; m < paddedRows; m++)
            {
                float* destination = packed + (long)kb * paddedRows + m;
                if (m >= rows)
                {
                    for (int k = kb; k < kEnd; k++, destination += paddedRows)
                    {
                        *destination = 0f;
                    }
                    continue;
                }
                float* source = x + (long)m * depth;
                for (int k = kb; k < kEnd; k++, destination += paddedRows)
                {
                    *destination = source[k];
                }
            }
        }
    }
}
