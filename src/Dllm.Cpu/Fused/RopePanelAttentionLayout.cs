using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Kernels;

namespace Dllm.Cpu.Fused;

/// <summary>
/// The fused step's attention layout: query and key head vectors are rotated (<see cref="RopeRotation{TVec}"/>,
/// the generic op's routine) as they are gathered, so Q and K are never rotated in place, and the output
/// goes transposed into the output projection's panel [H·d, PaddedRows] instead of [rows, H·d].
/// </summary>
internal readonly unsafe struct RopePanelAttentionLayout<TVec>(int* positions, RopeTable rope, float* panel, int paddedRows) : IAttentionLayout
    where TVec : struct, IFloatVector<TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Gather(float* source, float* destination, int headDim, int row)
    {
        VectorLoops.Copy<TVec>(source, destination, headDim);
        RopeRotation<TVec>.RotateHeads(destination, headDim, rope, positions[row]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int row, int column, float value) => panel[(long)column * paddedRows + row] = value;
}
