namespace Dllm.Gpu.Kernels;

/// <summary>
/// One tile of a matmul's [rows, columns] outputs: rows [Row, Row + RowCount) by columns [Column,
/// Column + ColumnCount), clipped at the edges. Output o of the tile (o &lt; <see cref="MatMulTiles.Outputs"/>)
/// is tile row o / Columns, tile column o % Columns.
/// </summary>
public readonly struct MatMulTile(int row, int column, int rowCount, int columnCount)
{
    public int Row { get; } = row;
    public int Column { get; } = column;
    public int RowCount { get; } = rowCount;
    public int ColumnCount { get; } = columnCount;

    /// <summary>Tile <paramref name="index"/> of <see cref="MatMulTiles.Count"/>.</summary>
    public static MatMulTile At(int index, int rows, int columns)
    {
        int rowTiles = MatMulTiles.RowTiles(rows);
        int columnTile = index / rowTiles;
        int row = (index - columnTile * rowTiles) * MatMulTiles.Rows;
        int column = columnTile * MatMulTiles.Columns;
        return new MatMulTile(row, column, Math.Min(MatMulTiles.Rows, rows - row), Math.Min(MatMulTiles.Columns, columns - column));
    }

    /// <summary>Whether output <paramref name="o"/> of the tile lies inside the matrix.</summary>
    public bool Holds(int o) => o / MatMulTiles.Columns < RowCount && o % MatMulTiles.Columns < ColumnCount;

    /// <summary>The matrix row of output <paramref name="o"/>.</summary>
    public int RowOf(int o) => Row + o / MatMulTiles.Columns;

    /// <summary>The matrix column of output <paramref name="o"/>.</summary>
    public int ColumnOf(int o) => Column + o % MatMulTiles.Columns;
}
