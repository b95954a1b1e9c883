using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dllm.Cpu.Simd;

/// <summary>
/// The few operations the register-tiled kernels need, over the hardware types themselves: T is
/// <see cref="float"/>, <see cref="Vector128{T}"/>, <see cref="Vector256{T}"/> or <see cref="Vector512{T}"/>
/// of float. The <c>typeof</c> tests fold away when the JIT specialises a kernel for one T, leaving one
/// instruction per call. Kernels with two dozen live accumulators use these instead of the
/// <see cref="IFloatVector{TSelf}"/> wrapper structs: through the wrappers RyuJIT copies every FMA result
/// between registers (measured: a one-vector matmul tile at 72 % of the FMA peak instead of 98 %).
/// </summary>
internal static unsafe class NativeLanes
{
    /// <summary>Lanes of T.</summary>
    public static int Count<T>() where T : struct =>
        typeof(T) == typeof(float) ? 1
        : typeof(T) == typeof(Vector128<float>) ? Vector128<float>.Count
        : typeof(T) == typeof(Vector256<float>) ? Vector256<float>.Count
        : typeof(T) == typeof(Vector512<float>) ? Vector512<float>.Count
        : throw new NotSupportedException($"{typeof(T)} is not a float lane type.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load<T>(float* source) where T : struct
    {
        if (typeof(T) == typeof(Vector512<float>))
        {
            Vector512<float> value = Vector512.Load(source);
            return Unsafe.As<Vector512<float>, T>(ref value);
        }
        if (typeof(T) == typeof(Vector256<float>))
        {
            Vector256<float> value = Vector256.Load(source);
            return Unsafe.As<Vector256<float>, T>(ref value);
        }
        if (typeof(T) == typeof(Vector128<float>))
        {
            Vector128<float> value = Vector128.Load(source);
            return Unsafe.As<Vector128<float>, T>(ref value);
        }
        float scalar = *source;
        return Unsafe.As<float, T>(ref scalar);
    }

    /// <summary>Lanes of T from as many bf16 values, widened (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LoadWidenBf16<T>(ushort* source) where T : struct
    {
        if (typeof(T) == typeof(Vector512<float>))
        {
            Vector512<float> value = Vector512Float.LoadWidenBf16(source).Value;
            return Unsafe.As<Vector512<float>, T>(ref value);
        }
        if (typeof(T) == typeof(Vector256<float>))
        {
            Vector256<float> value = Vector256Float.LoadWidenBf16(source).Value;
            return Unsafe.As<Vector256<float>, T>(ref value);
        }
        if (typeof(T) == typeof(Vector128<float>))
        {
            Vector128<float> value = Vector128Float.LoadWidenBf16(source).Value;
            return Unsafe.As<Vector128<float>, T>(ref value);
        }
        float scalar = ScalarFloat.LoadWidenBf16(source).Value;
        return Unsafe.As<float, T>(ref scalar);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(float* destination, T value) where T : struct
    {
        if (typeof(T) == typeof(Vector512<float>))
        {
            Unsafe.As<T, Vector512<float>>(ref value).Store(destination);
        }
        else if (typeof(T) == typeof(Vector256<float>))
        {
            Unsafe.As<T, Vector256<float>>(ref value).Store(destination);
        }
        else if (typeof(T) == typeof(Vector128<float>))
        {
            Unsafe.As<T, Vector128<float>>(ref value).Store(destination);
        }
        else
        {
            *destination = Unsafe.As<T, float>(ref value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast<T>(float value) where T : struct
    {
        if (typeof(T) == typeof(Vector512<float>))
        {
            Vector512<float> vector = Vector512.Create(value);
            return Unsafe.As<Vector512<float>, T>(ref vector);
        }
        if (typeof(T) == typeof(Vector256<float>))
        {
            Vector256<float> vector = Vector256.Create(value);
            return Unsafe.As<Vector256<float>, T>(ref vector);
        }
        if (typeof(T) == typeof(Vector128<float>))
        {
            Vector128<float> vector = Vector128.Create(value);
            return Unsafe.As<Vector128<float>, T>(ref vector);
        }
        return Unsafe.As<float, T>(ref value);
    }

    /// <summary>left · right + addend per lane with one rounding (an FMA instruction, or <see cref="MathF.FusedMultiplyAdd"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MultiplyAdd<T>(T left, T right, T addend) where T : struct
    {
        if (typeof(T) == typeof(Vector512<float>))
        {
            Vector512<float> result = Vector512.FusedMultiplyAdd(
                Unsafe.As<T, Vector512<float>>(ref left), Unsafe.As<T, Vector512<float>>(ref right), Unsafe.As<T, Vector512<float>>(ref addend));
            return Unsafe.As<Vector512<float>, T>(ref result);
        }
        if (typeof(T) == typeof(Vector256<float>))
        {
            Vector256<float> result = Vector256.FusedMultiplyAdd(
                Unsafe.As<T, Vector256<float>>(ref left), Unsafe.As<T, Vector256<float>>(ref right), Unsafe.As<T, Vector256<float>>(ref addend));
            return Unsafe.As<Vector256<float>, T>(ref result);
        }
        if (typeof(T) == typeof(Vector128<float>))
        {
            Vector128<float> result = Vector128.FusedMultiplyAdd(
                Unsafe.As<T, Vector128<float>>(ref left), Unsafe.As<T, Vector128<float>>(ref right), Unsafe.As<T, Vector128<float>>(ref addend));
            return Unsafe.As<Vector128<float>, T>(ref result);
        }
        float scalar = MathF.FusedMultiplyAdd(Unsafe.As<T, float>(ref left), Unsafe.As<T, float>(ref right), Unsafe.As<T, float>(ref addend));
        return Unsafe.As<float, T>(ref scalar);
    }
}
