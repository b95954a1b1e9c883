using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dllm.Cpu.Simd;

/// <summary>Sixteen f32 lanes (AVX-512 width).</summary>
internal readonly unsafe struct Vector512Float(Vector512<float> value) : IFloatVector<Vector512Float>
{
    public readonly Vector512<float> Value = value;

    public static int Count => Vector512<float>.Count;

    public static Vector512Float Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float Broadcast(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float Load(float* source) => new(Vector512.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float LoadWidenBf16(ushort* source)
    {
        Vector512<uint> widened = Vector512.WidenLower(Vector256.Load(source).ToVector512Unsafe());
        return new(Vector512.ShiftLeft(widened, 16).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float* destination, Vector512Float value) => value.Value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float operator +(Vector512Float left, Vector512Float right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float operator -(Vector512Float left, Vector512Float right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float operator *(Vector512Float left, Vector512Float right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float operator /(Vector512Float left, Vector512Float right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float MultiplyAdd(Vector512Float left, Vector512Float right, Vector512Float addend) =>
        new(Vector512.FusedMultiplyAdd(left.Value, right.Value, addend.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float Max(Vector512Float left, Vector512Float right) => new(Vector512.Max(left.Value, right.Value));

    /// <summary>
    /// Vector512.Exp's own algorithm, run as two Vector256.Exp halves: the same bits lane for lane, but
    /// .NET 10 runs the 512-bit form about five times slower (2.9 against 0.5 ns per lane on a Zen 4 core),
    /// which made SwiGLU and the attention softmax cost more than the matmuls around them at small M.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Float Exp(Vector512Float value) =>
        new(Vector512.Create(Vector256.Exp(value.Value.GetLower()), Vector256.Exp(value.Value.GetUpper())));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HorizontalSum(Vector512Float value) =>
        Vector256Float.HorizontalSum(new(value.Value.GetLower() + value.Value.GetUpper()));
}
