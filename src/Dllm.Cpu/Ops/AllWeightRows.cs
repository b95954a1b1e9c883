namespace Dllm.Cpu.Ops;

/// <summary>A tile pass over all <see cref="MatMulTile.WeightRows"/> staged weight rows.</summary>
internal readonly struct AllWeightRows : ITileWeightRows
{
    public static int Rows => MatMulTile.WeightRows;
}
