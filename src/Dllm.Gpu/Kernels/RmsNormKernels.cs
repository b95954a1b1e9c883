using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// RMSNorm in two launches: one thread per row sums the squares in index order (so the result depends
/// only on the row), then one result per element, y = weight · (x · inverseRms), as the reference writes it.
/// </summary>
public static class RmsNormKernels
{
    public static void InverseRms(Index1D thread, WorkRange rows, ArrayView<float> x, int columns, float eps, ArrayView<float> inverseRms)
    {
        for (int row = thread; row < rows.Count; row += rows.Threads)
        {
            inverseRms[row] = InverseRmsOf(x, row, columns, eps);
        }
    }

    public static void Scale(Index1D thread, WorkRange range, ArrayView<float> x, ArrayView<float> weight, ArrayView<float> inverseRms, ArrayView<float> y)
    {
        int columns = (int)weight.Length;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / columns;
            y[index] = Scaled(weight[index - row * columns], x[index], inverseRms[row]);
        }
    }

    /// <summary>1 / √(mean of the squares of x[row, :] + eps), the squares summed in index order.</summary>
    public static float InverseRmsOf(ArrayView<float> x, int row, int columns, float eps)
    {
        long start = (long)row * columns;
        float sumSquares = 0f;
        for (int c = 0; c < columns; c++)
        {
            float value = x[start + c];
            sumSquares += value * value;
        }
        return 1f / MathF.Sqrt(sumSquares / columns + eps);
    }

    /// <summary>One normed element, rounded as the reference writes it.</summary>
    public static float Scaled(float weight, float x, float inverseRms) => weight * (x * inverseRms);
}
