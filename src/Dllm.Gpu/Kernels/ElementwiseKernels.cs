using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>The elementwise ops, one thread per element.</summary>
public static class ElementwiseKernels
{
    /// <summary>y = SiLU(gate) · up = gate / (1 + e^(−gate)) · up.</summary>
    public static void SwiGlu(Index1D i, ArrayView<float> gate, ArrayView<float> up, ArrayView<float> y) =>
        y[i] = gate[i] / (1f + MathF.Exp(0f - gate[i])) * up[i];

    /// <summary>x += delta (the residual connection).</summary>
    public static void Add(Index1D i, ArrayView<float> x, ArrayView<float> delta) => x[i] += delta[i];
}
