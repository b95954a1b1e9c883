using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>Rotate-half RoPE in place, one task per row, by <see cref="RopeRotation{TVec}"/>.</summary>
internal readonly unsafe struct RopeRotateHalfJob<TVec>(float* x, int width, int* positions, RopeTable table) : IWorkerJob
    where TVec : struct, IFloatVector<TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int start, int end, int worker)
    {
        for (int r = start; r < end; r++)
        {
            RopeRotation<TVec>.RotateHeads(x + (long)r * width, width, table, positions[r]);
        }
    }
}
