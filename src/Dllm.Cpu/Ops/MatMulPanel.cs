namespace Dllm.Cpu.Ops;

/// <summary>The activation side of a matmul: xᵀ packed [Depth, PaddedRows], rows past <see cref="Rows"/> zero.</summary>
internal readonly unsafe struct MatMulPanel(float* packed, int rows, int paddedRows, int depth)
{
    public readonly float* Packed = packed;
    public readonly int Rows = rows;         // M
    public readonly int PaddedRows = paddedRows; // M rounded up to whole vectors
    public readonly int Depth = depth;       // K

    /// <summary><paramref name="rows"/> rounded up to whole vectors of <paramref name="lanes"/>.</summary>
    public static int PadRows(int rows, int lanes) => (rows + lanes - 1) / lanes * lanes;
}
