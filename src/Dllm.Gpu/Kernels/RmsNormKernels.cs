using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// RMSNorm in two launches: one thread per row sums the squares in index order (so the result depends
/// only on the row), then one thread per element scales, y = weight · (x · inverseRms), as the reference writes it.
/// </summary>
public static class RmsNormKernels
{
    public static void InverseRms(Index1D row, ArrayView<float> x, int columns, float eps, ArrayView<float> inverseRms)
    {
        long start = (long)row.X * columns;
        float sumSquares = 0f;
        for (int c = 0; c < columns; c++)
        {
            float value = x[start + c];
            sumSquares += value * value;
        }
        inverseRms[row] = 1f / MathF.Sqrt(sumSquares / columns + eps);
    }

    public static void Scale(Index1D index, ArrayView<float> x, ArrayView<float> weight, ArrayView<float> inverseRms, ArrayView<float> y)
    {
        int columns = (int)weight.Length;
        int row = index / columns;
        y[index] = weight[index - row * columns] * (x[index] * inverseRms[row]);
    }
}
