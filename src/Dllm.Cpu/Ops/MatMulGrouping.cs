namespace Dllm.Cpu.Ops;

/// <summary>How many weight tiles a thread takes at a time: a scheduling choice that changes no value.</summary>
internal static class MatMulGrouping
{
    /// <summary>Per-thread accumulator budget in floats (128 KiB): a group's accumulators wait there for its epilogue.</summary>
    private const int AccumulatorFloats = 32 * 1024;
    /// <summary>
    /// At most this many tiles per claim, so the last claims of a call are short: the LM head (10,539 tiles
    /// at LLaDA's vocabulary) would otherwise end with one thread finishing a 329-tile group, milliseconds,
    /// while the other waits.
    /// </summary>
    private const int MaxGroupTiles = 16;

    /// <summary>
    /// Groups per thread at least, so a thread slowed by other work can hand groups to the others. Tiles run
    /// one after another whatever the group, so a small group costs only its share of the epilogue.
    /// </summary>
    private const int GroupsPerThread = 16;

    /// <summary>Tiles per group for <paramref name="tiles"/> in-place tiles over a panel of <paramref name="paddedRows"/>.</summary>
    public static int GroupTiles(int tiles, int paddedRows, int threads) =>
        Group(tiles, (long)MatMulTile.WeightRows * paddedRows, threads);

    /// <summary>
    /// <see cref="GroupTiles"/> for packed-weight panels of <paramref name="width"/> features over <paramref name="rows"/> rows,
    /// each panel needing <paramref name="accumulatorSets"/> accumulator blocks (two when gate and up pair).
    /// </summary>
    public static int GroupPanels(int panels, int rows, int width, int threads, int accumulatorSets = 1) =>
        Group(panels, (long)accumulatorSets * width * Math.Max(1, rows), threads);

    private static int Group(int tiles, long floatsPerTile, int threads)
    {
        int fitting = (int)Math.Min(int.MaxValue, AccumulatorFloats / floatsPerTile);
        int balanced = (tiles + GroupsPerThread * threads - 1) / (GroupsPerThread * threads);
        return Math.Clamp(Math.Min(fitting, balanced), 1, MaxGroupTiles);
    }

    /// <summary>Weight tiles covering <paramref name="rows"/> weight rows.</summary>
    public static int Tiles(int rows) => (rows + MatMulTile.WeightRows - 1) / MatMulTile.WeightRows;
}
