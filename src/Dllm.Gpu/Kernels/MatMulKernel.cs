using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// y [rows, n] = x [rows, depth] · Wᵀ (+ bias), tiled (<see cref="MatMulTiles"/>): a group stages x and W
/// slices in shared memory with coalesced reads, and each output accumulates in f32 in depth order (see
/// <see cref="MatMulTileMemory"/>), so the sum's order depends only on depth, never on the number of rows
/// or the launch shape. An explicitly grouped kernel: launch it with a <see cref="MatMulTiles"/> shape.
/// </summary>
public static class MatMulKernel
{
    public static void Multiply<TWeights>(ArrayView<float> x, TWeights w, ArrayView<float> bias, int depth, int n, int rows, ArrayView<float> y)
        where TWeights : struct, IDeviceWeights
    {
        MatMulTileMemory memory = MatMulTileMemory.Allocate();
        ArrayView<float> sums = SharedMemory.Allocate<float>(MatMulTiles.Outputs);
        int tiles = MatMulTiles.Count(rows, n);
        for (int index = Grid.IdxX; index < tiles; index += Grid.DimX)
        {
            MatMulTile tile = MatMulTile.At(index, rows, n);
            memory.Accumulate(x, w, WeightRows.Identity, depth, tile, sums);
            for (int o = Group.IdxX; o < MatMulTiles.Outputs; o += Group.DimX)
            {
                if (tile.Holds(o))
                {
                    int j = tile.ColumnOf(o);
                    y[(long)tile.RowOf(o) * n + j] = WithBias(sums[o], bias, j);
                }
            }
        }
    }

    /// <summary>
    /// An output from its sum: plus bias[j] when <paramref name="bias"/> is not empty. The fused block's
    /// projections use this too, so they round exactly as this kernel does.
    /// </summary>
    public static float WithBias(float sum, ArrayView<float> bias, int j) => bias.Length > 0 ? sum + bias[j] : sum;
}
