namespace Dllm.Gpu.Kernels;

/// <summary>RMSNorm's launch sequence on either GPU backend: the inverse RMS of each row, then the scaled elements.</summary>
public static class RmsNormLaunches
{
    /// <summary>Enqueues y [rows, columns] = RMSNorm(x [rows, columns]) · weight [columns] on device data.</summary>
    public static void Enqueue<TFloats>(IRmsNormKernels<TFloats> kernels, int maxThreads, TFloats x, TFloats weight, int columns, float eps, int rows, TFloats y)
    {
        WorkRange elements = WorkRange.For((long)rows * columns, maxThreads, "RmsNorm elements");
        if (elements.Count == 0)
        {
            return;
        }
        WorkRange rowRange = WorkRange.For(rows, maxThreads, "RmsNorm rows");
        TFloats inverseRms = kernels.InverseRmsScratch(rows);
        kernels.InverseRms(rowRange, x, columns, eps, inverseRms);
        kernels.Scale(elements, x, weight, inverseRms, y);
    }
}
