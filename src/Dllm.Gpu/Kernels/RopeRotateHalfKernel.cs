using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// Rotate-half RoPE in place, one result per (row, head, pair i &lt; d/2). cos and sin hold the row's
/// position, gathered on the host ([rows, d/2]). Products and differences are rounded separately, as the reference writes them.
/// </summary>
public static class RopeRotateHalfKernel
{
    public static void Rotate(Index1D thread, WorkRange range, ArrayView<float> x, ArrayView<float> cos, ArrayView<float> sin, int width, int headDim)
    {
        int half = headDim / 2;
        int pairsPerRow = width / headDim * half;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / pairsPerRow;
            int pair = index - row * pairsPerRow;
            int head = pair / half;
            int i = pair - head * half;
            long first = (long)row * width + head * headDim + i;
            long table = (long)row * half + i;
            float a = x[first];
            float b = x[first + half];
            float c = cos[table];
            float s = sin[table];
            x[first] = RotatedFirst(a, b, c, s);
            x[first + half] = RotatedSecond(a, b, c, s);
        }
    }

    /// <summary>The rotated element i of a head, from a = t_i and b = t_{i+d/2}.</summary>
    public static float RotatedFirst(float a, float b, float cos, float sin) => a * cos - b * sin;

    /// <summary>The rotated element i + d/2 of a head, from a = t_i and b = t_{i+d/2}.</summary>
    public static float RotatedSecond(float a, float b, float cos, float sin) => b * cos + a * sin;
}
