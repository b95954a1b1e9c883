namespace Dllm.Gpu.Kernels;

/// <summary>
/// The tiling of the matmul kernels and the launch shape that runs them (both backends launch the same
/// kernels, so both take it from here). A group computes tiles of <see cref="Rows"/> x rows by
/// <see cref="Columns"/> outputs, staging <see cref="Depth"/> k at a time in shared memory; groups take
/// tiles grid-stride, so a launch never needs more threads than the device runs at once.
/// </summary>
public readonly struct MatMulTiles(int groups, int groupSize)
{
    /// <summary>x rows per tile: each staged W slice is reused by this many rows.</summary>
    public const int Rows = 8;

    /// <summary>Outputs per tile row: a warp of 32 threads takes 32 consecutive outputs of one row.</summary>
    public const int Columns = 32;

    /// <summary>
    /// k per staged slice: a W row's slice is 64 consecutive elements (256 bytes of f32), and a group meets
    /// two barriers per slice, so a longer slice halves them (which is most of the cost on ILGPU's CPU accelerator).
    /// </summary>
    public const int Depth = 64;

    /// <summary>Outputs per tile, and the threads of a group where the device allows it (one output each).</summary>
    public const int Outputs = Rows * Columns;

    public int Groups { get; } = groups;
    public int GroupSize { get; } = groupSize;

    /// <summary>Tiles covering [rows, columns] outputs, ordered column tile by column tile so groups started together share a W slice.</summary>
    public static int Count(int rows, int columns) => RowTiles(rows) * ((columns + Columns - 1) / Columns);

    public static int RowTiles(int rows) => (rows + Rows - 1) / Rows;

    /// <summary>
    /// The launch for [rows, columns] outputs on a device that runs <paramref name="maxThreads"/> threads at
    /// once, at most <paramref name="maxGroupSize"/> per group; no groups when there is nothing to compute.
    /// </summary>
    public static MatMulTiles For(long rows, long columns, int maxThreads, int maxGroupSize, string what)
    {
        if (rows * columns > int.MaxValue || rows + Rows > int.MaxValue || columns + Columns > int.MaxValue)
        {
            throw new ArgumentException($"{what}: {rows} x {columns} outputs exceed one launch ({int.MaxValue}); split the batch.");
        }
        int tiles = rows == 0 || columns == 0 ? 0 : Count((int)rows, (int)columns);
        int groupSize = Math.Clamp(maxGroupSize, 1, Outputs);
        return new MatMulTiles(Math.Min(tiles, Math.Max(maxThreads / groupSize, 1)), groupSize);
    }
}
