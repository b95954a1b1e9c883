using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;

namespace Dllm.Cpu.Ops;

/// <summary>The generic op's layout: q and k already rotated, output [rows, <paramref name="width"/>].</summary>
internal readonly unsafe struct RowMajorAttentionLayout<TVec>(float* output, int width) : IAttentionLayout
    where TVec : struct, IFloatVector<TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Gather(float* source, float* destination, int headDim, int row) => VectorLoops.Copy<TVec>(source, destination, headDim);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int row, int column, float value) => output[(long)row * width + column] = value;
}
