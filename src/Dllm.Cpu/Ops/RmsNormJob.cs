using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Ops;

/// <summary>RMSNorm, one task per row, by <see cref="RmsNormRow{TVec}"/>.</summary>
internal readonly unsafe struct RmsNormJob<TVec>(float* x, float* weight, int columns, float eps, float* y) : IWorkerJob
    where TVec : struct, IFloatVector<TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int start, int end, int worker)
    {
        for (int r = start; r < end; r++)
        {
            RmsNormRow<TVec>.Normalize(x + (long)r * columns, weight, columns, eps, y + (long)r * columns);
        }
    }
}
