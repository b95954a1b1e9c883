using Dllm.Kernels;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// The host side of the RoPE kernel: checks the shape and gathers each row's cos and sin from the table
/// ([rows, d/2] each), reusing its arrays across calls.
/// </summary>
public sealed class RopeRowTables
{
    private float[] _cos = [];
    private float[] _sin = [];

    public ReadOnlySpan<float> Cos => _cos.AsSpan(0, Rows * Half);
    public ReadOnlySpan<float> Sin => _sin.AsSpan(0, Rows * Half);
    public int Rows { get; private set; }
    public int Half { get; private set; }

    /// <summary>Floats per row of x.</summary>
    public int Width { get; private set; }

    /// <summary>Pairs to rotate: rows · heads · d/2.</summary>
    public long Pairs => (long)Rows * (Width / 2);

    public void Gather(int xLength, ReadOnlySpan<int> positions, RopeTable table)
    {
        Rows = positions.Length;
        Half = table.HeadDim / 2;
        Width = Rows == 0 ? 0 : xLength / Rows;
        if ((long)Width * Rows != xLength || Width % table.HeadDim != 0)
        {
            throw new ArgumentException($"RoPE: x has {xLength} floats for {Rows} rows, not a whole number of {table.HeadDim}-wide heads per row.", "x");
        }
        if (_cos.Length < Rows * Half)
        {
            _cos = new float[Rows * Half];
            _sin = new float[Rows * Half];
        }
        for (int r = 0; r < Rows; r++)
        {
            table.Cos(positions[r]).CopyTo(_cos.AsSpan(r * Half, Half));
            table.Sin(positions[r]).CopyTo(_sin.AsSpan(r * Half, Half));
        }
    }
}
