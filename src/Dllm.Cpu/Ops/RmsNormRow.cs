using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;

namespace Dllm.Cpu.Ops;

/// <summary>
/// RMSNorm of one row, the single routine every caller uses: the sum of squares is <see cref="VectorLoops.Dot"/>
/// of the row with itself (an order fixed by the width only), then y = weight · (x · inverseRms)
/// elementwise, as the reference does.
/// </summary>
internal static unsafe class RmsNormRow<TVec> where TVec : struct, IFloatVector<TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize(float* row, float* weight, int columns, float eps, float* output)
    {
        float sumSquares = VectorLoops.Dot<TVec>(row, row, columns);
        float inverseRms = 1f / MathF.Sqrt(sumSquares / columns + eps);
        TVec scale = TVec.Broadcast(inverseRms);
        int i = 0;
        for (; i + TVec.Count <= columns; i += TVec.Count)
        {
            TVec.Store(output + i, TVec.Load(weight + i) * (TVec.Load(row + i) * scale));
        }
        for (; i < columns; i++)
        {
            output[i] = weight[i] * (row[i] * inverseRms);
        }
    }
}
