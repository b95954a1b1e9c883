using Dllm.Gpu.Kernels;
using ILGPU;

namespace Dllm.Tests.Gpu;

/// <summary>
/// The reference for the tiled <see cref="MatMulKernel"/>: the per-thread kernel it replaced, one thread
/// per output y[row, j] = Σ_k x[row, k] · W[j, k] (+ bias) accumulated as <c>sum += x · w</c> in k order.
/// </summary>
public static class PerThreadMatMulKernel
{
    public static void Multiply<TWeights>(Index1D thread, WorkRange range, ArrayView<float> x, TWeights w, ArrayView<float> bias, int depth, int n, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / n;
            int j = index - row * n;
            long xStart = (long)row * depth;
            long wStart = (long)j * depth;
            float sum = 0f;
            for (int k = 0; k < depth; k++)
            {
                sum += x[xStart + k] * w.Read(wStart + k);
            }
            y[index] = bias.Length > 0 ? sum + bias[j] : sum;
        }
    }
}
