using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// Rotate-half RoPE in place on one row's head vectors, the routine every caller uses. Products and the
/// difference are rounded separately (no FMA), exactly as the reference writes them, so every path and
/// every caller matches it bitwise.
/// </summary>
internal static unsafe class RopeRotation<TVec> where TVec : struct, IFloatVector<TVec>
{
    /// <summary>Rotates each of the whole <see cref="RopeTable.HeadDim"/>-wide heads in row [width] at <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RotateHeads(float* row, int width, RopeTable table, int position)
    {
        int headDim = table.HeadDim;
        int half = headDim / 2;
        fixed (float* cos = table.Cos(position), sin = table.Sin(position))
        {
            for (int h = 0; h + headDim <= width; h += headDim)
            {
                Rotate(row + h, row + h + half, cos, sin, half);
            }
        }
    }

    private static void Rotate(float* first, float* second, float* cos, float* sin, int half)
    {
        int i = 0;
        for (; i + TVec.Count <= half; i += TVec.Count)
        {
            TVec a = TVec.Load(first + i), b = TVec.Load(second + i);
            TVec c = TVec.Load(cos + i), s = TVec.Load(sin + i);
            TVec.Store(first + i, a * c - b * s);
            TVec.Store(second + i, b * c + a * s);
        }
        for (; i < half; i++)
        {
            float a = first[i], b = second[i];
            first[i] = a * cos[i] - b * sin[i];
            second[i] = b * cos[i] + a * sin[i];
        }
    }
}
