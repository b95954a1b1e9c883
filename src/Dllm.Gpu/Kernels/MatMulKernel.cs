using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// y [rows, n] = x [rows, depth] · Wᵀ (+ bias), one thread per output element accumulating in f32 in depth
/// order: the sum's order depends only on depth, never on the number of rows or the launch shape.
/// Neighbouring threads take consecutive outputs of one row, so they share the x row.
/// </summary>
public static class MatMulKernel
{
    public static void Multiply<TWeights>(Index1D thread, WorkRange range, ArrayView<float> x, TWeights w, ArrayView<float> bias, int depth, int n, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / n;
            int j = index - row * n;
            y[index] = Output(x, w, bias, depth, row, j);
        }
    }

    /// <summary>
    /// y[row, j]: <see cref="Dot"/>, plus bias[j] when <paramref name="bias"/> is not empty. The fused
    /// block's projections call this too, so they round exactly as this kernel does.
    /// </summary>
    public static float Output<TWeights>(ArrayView<float> x, TWeights w, ArrayView<float> bias, int depth, int row, int j)
        where TWeights : struct, IDeviceWeights
    {
        float sum = Dot(x, w, depth, row, j);
        return bias.Length > 0 ? sum + bias[j] : sum;
    }

    /// <summary>x[row, :] · W[j, :], accumulated in f32 in depth order.</summary>
    public static float Dot<TWeights>(ArrayView<float> x, TWeights w, int depth, int row, int j)
        where TWeights : struct, IDeviceWeights
    {
        long xStart = (long)row * depth;
        long wStart = (long)j * depth;
        float sum = 0f;
        for (int k = 0; k < depth; k++)
        {
            sum += x[xStart + k] * w.Read(wStart + k);
        }
        return sum;
    }
}
