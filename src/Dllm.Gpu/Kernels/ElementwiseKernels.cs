using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>The elementwise ops, one result per element.</summary>
public static class ElementwiseKernels
{
    /// <summary>y = SiLU(gate) · up = gate / (1 + e^(−gate)) · up.</summary>
    public static void SwiGlu(Index1D thread, WorkRange range, ArrayView<float> gate, ArrayView<float> up, ArrayView<float> y)
    {
        for (int i = thread; i < range.Count; i += range.Threads)
        {
            y[i] = SiLuTimes(gate[i], up[i]);
        }
    }

    /// <summary>One SwiGLU element; the fused gate/up kernel calls it too.</summary>
    public static float SiLuTimes(float gate, float up) => gate / (1f + MathF.Exp(0f - gate)) * up;

    /// <summary>x += delta (the residual connection).</summary>
    public static void Add(Index1D thread, WorkRange range, ArrayView<float> x, ArrayView<float> delta)
    {
        for (int i = thread; i < range.Count; i += range.Threads)
        {
            x[i] += delta[i];
        }
    }
}
