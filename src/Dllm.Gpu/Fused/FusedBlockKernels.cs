using Dllm.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>
/// The fused block's kernels. Each computes its elements with the generic kernels' own per-element
/// routines (<see cref="RmsNormKernels.InverseRmsOf"/>, the matmul's <see cref="MatMulTileMemory"/> and <see cref="MatMulKernel.WithBias"/>,
/// <see cref="RopeRotateHalfKernel.RotatedFirst"/>, <see cref="ElementwiseKernels.SiLuTimes"/>), so
/// the values and their rounding are the generic op sequence's; what is fused away is the round trip
/// of intermediates through memory (and, in the generic ops, through the host). The dimensions come
/// in as <see cref="SpecializedValue{T}"/>: ILGPU compiles one kernel per model shape with them as constants.
/// The norm kernels are implicitly grouped; the projections are explicitly grouped and launched with a <see cref="MatMulTiles"/> shape.
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

    /// <summary>y [rows, Width] = x · Wᵀ (+ bias): the value projection, the generic kernel with the shape compiled in.</summary>
    public static void Project<TWeights>(int rows, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights w, ArrayView<float> bias, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        MatMulKernel.Multiply(x, w, bias, projection.Depth, projection.Width, rows, y);
    }

    /// <summary>
    /// y [rows, Width] = RoPE(x · Wᵀ (+ bias)), rotate-half, tiled over (row, head, pair i &lt; HeadDim/2): each
    /// output of a tile is a pair, with sums for elements i and i + HeadDim/2 of the head, rotated with the
    /// row's cos and sin [rows, HeadDim/2].
    /// </summary>
    public static void ProjectRotate<TWeights>(
        int rows, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights w, ArrayView<float> bias,
        ArrayView<float> cos, ArrayView<float> sin, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        int half = projection.HeadDim / 2;
        int pairsPerRow = projection.Width / 2;
        var firsts = new WeightRows(half, projection.HeadDim, 0);
        var seconds = new WeightRows(half, projection.HeadDim, half);
        MatMulTileMemory memory = MatMulTileMemory.Allocate();
        ArrayView<float> firstSums = SharedMemory.Allocate<float>(MatMulTiles.Outputs);
        ArrayView<float> secondSums = SharedMemory.Allocate<float>(MatMulTiles.Outputs);
        int tiles = MatMulTiles.Count(rows, pairsPerRow);
        for (int index = Grid.IdxX; index < tiles; index += Grid.DimX)
        {
            MatMulTile tile = MatMulTile.At(index, rows, pairsPerRow);
            memory.Accumulate(x, w, firsts, projection.Depth, tile, firstSums);
            memory.Accumulate(x, w, seconds, projection.Depth, tile, secondSums);
            for (int o = Group.IdxX; o < MatMulTiles.Outputs; o += Group.DimX)
            {
                if (tile.Holds(o))
                {
                    int row = tile.RowOf(o);
                    int pair = tile.ColumnOf(o);
                    int i = pair % half;
                    int j = firsts.Of(pair);
                    float a = MatMulKernel.WithBias(firstSums[o], bias, j);
                    float b = MatMulKernel.WithBias(secondSums[o], bias, j + half);
                    long table = (long)row * half + i;
                    long first = (long)row * projection.Width + j;
                    y[first] = RopeRotateHalfKernel.RotatedFirst(a, b, cos[table], sin[table]);
                    y[first + half] = RopeRotateHalfKernel.RotatedSecond(a, b, cos[table], sin[table]);
                }
            }
        }
    }

    /// <summary>residual [rows, Width] += x · Wᵀ: the projection with the residual add as its epilogue (one f32 add, as the generic Add).</summary>
    public static void ProjectAdd<TWeights>(int rows, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights w, ArrayView<float> residual)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        MatMulTileMemory memory = MatMulTileMemory.Allocate();
        ArrayView<float> sums = SharedMemory.Allocate<float>(MatMulTiles.Outputs);
        int tiles = MatMulTiles.Count(rows, projection.Width);
        for (int index = Grid.IdxX; index < tiles; index += Grid.DimX)
        {
            MatMulTile tile = MatMulTile.At(index, rows, projection.Width);
            memory.Accumulate(x, w, WeightRows.Identity, projection.Depth, tile, sums);
            for (int o = Group.IdxX; o < MatMulTiles.Outputs; o += Group.DimX)
            {
                if (tile.Holds(o))
                {
                    residual[(long)tile.RowOf(o) * projection.Width + tile.ColumnOf(o)] += sums[o];
                }
            }
        }
    }

    /// <summary>y [rows, Width] = SiLU(x · Gateᵀ) ⊙ (x · Upᵀ): both projections and SwiGLU, with a gate and an up sum per tile output.</summary>
    public static void GateUpSwiGlu<TWeights>(int rows, SpecializedValue<ProjectionShape> shape, ArrayView<float> x, TWeights gate, TWeights up, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        ProjectionShape projection = shape;
        MatMulTileMemory memory = MatMulTileMemory.Allocate();
        ArrayView<float> gateSums = SharedMemory.Allocate<float>(MatMulTiles.Outputs);
        ArrayView<float> upSums = SharedMemory.Allocate<float>(MatMulTiles.Outputs);
        int tiles = MatMulTiles.Count(rows, projection.Width);
        for (int index = Grid.IdxX; index < tiles; index += Grid.DimX)
        {
            MatMulTile tile = MatMulTile.At(index, rows, projection.Width);
            memory.Accumulate(x, gate, WeightRows.Identity, projection.Depth, tile, gateSums);
            memory.Accumulate(x, up, WeightRows.Identity, projection.Depth, tile, upSums);
            for (int o = Group.IdxX; o < MatMulTiles.Outputs; o += Group.DimX)
            {
                if (tile.Holds(o))
                {
                    y[(long)tile.RowOf(o) * projection.Width + tile.ColumnOf(o)] = ElementwiseKernels.SiLuTimes(gateSums[o], upSums[o]);
                }
            }
        }
    }
}
