using Dllm.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>
/// The fused block's kernels. Each computes its elements with the generic kernels' own per-element
/// routines (<see cref="RmsNormKernels.InverseRmsOf"/>, <see cref="MatMulKernel.Output{TWeights}"/>,
/// <see cref="RopeRotateHalfKernel.RotatedFirst"/>, <see cref="ElementwiseKernels.SiLuTimes"/>), so
/// the values and their rounding are the generic op sequence's; what is fused away is the round trip
/// of intermediates through memory (and, in the generic ops, through the host). The dimensions come
/// in as <see cref="SpecializedValue{T}"/>: ILGPU compiles one kernel per model shape with them as constants.
/// </summary>
public static class FusedBlockKernels
{
    /// <summary>inverseRms[r] of each row of x [rows, Columns].</summary>
    public static void InverseRms(Index1D thread, WorkRange rows, SpecializedValue<NormShape> shape, ArrayView<float> x, ArrayView<float> inverseRms)
    {
        NormShape norm = shape;
        for (int row = thread; row < rows.Count; row += rows.Threads)
        {
            inverseRms[row] = RmsNormKernels.InverseRmsOf(x, row, norm.Columns, norm.Eps);
        }
    }

    /// <summary>y [rows, Columns] = weight ⊙ x · inverse RMS of the row.</summary>
    public static void Scale(Index1D thread, WorkRange range, SpecializedValue<NormShape> shape, ArrayView<float> x, ArrayView<float> weight, ArrayView<float> inverseRms, ArrayView<float> y)
    {
        int columns = shape.Value.Columns;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / columns;
            y[index] = RmsNormKernels.Scaled(weight[index - row * columns], x[index], inverseRms[row]);
        }
    }

    /// <summary>y [rows, Width] = x · Wᵀ (+ bias), one result per thread: the value projection.</summary>
    public static void Project<TWeights>(Index1D thread, WorkRange range, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights w, ArrayView<float> bias, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / projection.Width;
            y[index] = MatMulKernel.Output(x, w, bias, projection.Depth, row, index - row * projection.Width);
        }
    }

    /// <summary>
    /// y [rows, Width] = RoPE(x · Wᵀ (+ bias)), rotate-half, one (row, head, pair i &lt; HeadDim/2) per thread:
    /// it projects elements i and i + HeadDim/2 of the head and rotates them with the row's cos and sin [rows, HeadDim/2].
    /// </summary>
    public static void ProjectRotate<TWeights>(
        Index1D thread, WorkRange range, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights w, ArrayView<float> bias,
        ArrayView<float> cos, ArrayView<float> sin, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        int half = projection.HeadDim / 2;
        int pairsPerRow = projection.Width / 2;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / pairsPerRow;
            int pair = index - row * pairsPerRow;
            int head = pair / half;
            int i = pair - head * half;
            int j = head * projection.HeadDim + i;
            float a = MatMulKernel.Output(x, w, bias, projection.Depth, row, j);
            float b = MatMulKernel.Output(x, w, bias, projection.Depth, row, j + half);
            long table = (long)row * half + i;
            long first = (long)row * projection.Width + j;
            y[first] = RopeRotateHalfKernel.RotatedFirst(a, b, cos[table], sin[table]);
            y[first + half] = RopeRotateHalfKernel.RotatedSecond(a, b, cos[table], sin[table]);
        }
    }

    /// <summary>residual [rows, Width] += x · Wᵀ: the projection with the residual add as its epilogue (one f32 add, as the generic Add).</summary>
    public static void ProjectAdd<TWeights>(Index1D thread, WorkRange range, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights w, ArrayView<float> residual)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / projection.Width;
            residual[index] += MatMulKernel.Dot(x, w, projection.Depth, row, index - row * projection.Width);
        }
    }

    /// <summary>y [rows, Width] = SiLU(x · Gateᵀ) ⊙ (x · Upᵀ): both projections and SwiGLU in one thread per result.</summary>
    public static void GateUpSwiGlu<TWeights>(Index1D thread, WorkRange range, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights gate, TWeights up, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int row = index / projection.Width;
            int j = index - row * projection.Width;
            y[index] = ElementwiseKernels.SiLuTimes(MatMulKernel.Dot(x, gate, projection.Depth, row, j), MatMulKernel.Dot(x, up, projection.Depth, row, j));
        }
    }
}
