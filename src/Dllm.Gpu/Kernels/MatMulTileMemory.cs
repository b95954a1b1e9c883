using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// A group's shared-memory staging of one <see cref="MatMulTiles.Depth"/>-long k slice of x and W for a
/// tile. Every thread of the group calls <see cref="Accumulate{TWeights}"/> together (it has barriers).
/// The group loads each slice with consecutive threads reading consecutive addresses; then each thread
/// continues its own outputs' sums over the slice in increasing k with the same <c>sum += x · w</c>, so
/// an output's sum has the order and rounding of a plain per-output loop over k, whatever the tile,
/// group size or launch shape.
/// </summary>
public readonly struct MatMulTileMemory
{
    private const int WStride = MatMulTiles.Depth + 1; // padded: a warp's 32 outputs read one k from 32 distinct banks

    private readonly ArrayView<float> _x; // [Rows, Depth]
    private readonly ArrayView<float> _w; // [Columns, WStride]

    private MatMulTileMemory(ArrayView<float> x, ArrayView<float> w)
    {
        _x = x;
        _w = w;
    }

    /// <summary>The group's staging buffers; call from the kernel body.</summary>
    public static MatMulTileMemory Allocate() =>
        new(SharedMemory.Allocate<float>(MatMulTiles.Rows * MatMulTiles.Depth), SharedMemory.Allocate<float>(MatMulTiles.Columns * WStride));

    /// <summary>
    /// sums[o] = x[row, :] · W[weightRows.Of(column), :] over k in [0, depth) for each output o of
    /// <paramref name="tile"/> that this thread owns (o ≡ thread index mod group size) and that the tile holds.
    /// The caller reads back only the sums its thread owns, so that needs no barrier.
    /// </summary>
    public void Accumulate<TWeights>(ArrayView<float> x, TWeights w, WeightRows weightRows, int depth, MatMulTile tile, ArrayView<float> sums)
        where TWeights : struct, IDeviceWeights
    {
        int thread = Group.IdxX;
        int threads = Group.DimX;
        for (int o = thread; o < MatMulTiles.Outputs; o += threads)
        {
            sums[o] = 0f;
        }
        for (int k0 = 0; k0 < depth; k0 += MatMulTiles.Depth)
        {
            int slice = Math.Min(MatMulTiles.Depth, depth - k0);
            for (int e = thread; e < MatMulTiles.Rows * MatMulTiles.Depth; e += threads)
            {
                int r = e / MatMulTiles.Depth;
                int k = e - r * MatMulTiles.Depth;
                if (r < tile.RowCount && k < slice)
                {
                    _x[e] = x[(long)(tile.Row + r) * depth + k0 + k];
                }
            }
            for (int e = thread; e < MatMulTiles.Columns * MatMulTiles.Depth; e += threads)
            {
                int c = e / MatMulTiles.Depth;
                int k = e - c * MatMulTiles.Depth;
                if (c < tile.ColumnCount && k < slice)
                {
                    _w[c * WStride + k] = w.Read((long)weightRows.Of(tile.Column + c) * depth + k0 + k);
                }
            }
            Group.Barrier();
            for (int o = thread; o < MatMulTiles.Outputs; o += threads)
            {
                if (tile.Holds(o))
                {
                    int xStart = o / MatMulTiles.Columns * MatMulTiles.Depth;
                    int wStart = o % MatMulTiles.Columns * WStride;
                    float sum = sums[o];
                    for (int k = 0; k < slice; k++)
                    {
                        sum += _x[xStart + k] * _w[wStart + k];
                    }
                    sums[o] = sum;
                }
            }
            Group.Barrier(); // the next slice overwrites the staging
        }
    }
}
