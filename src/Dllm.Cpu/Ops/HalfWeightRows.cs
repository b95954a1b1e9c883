namespace Dllm.Cpu.Ops;

/// <summary>A tile pass over half the staged weight rows (a two-vector tile where only 16 vector registers exist).</summary>
internal readonly struct HalfWeightRows : ITileWeightRows
{
    public static int Rows => MatMulTile.WeightRows / 2;
}
