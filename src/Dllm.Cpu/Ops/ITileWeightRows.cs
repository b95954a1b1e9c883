namespace Dllm.Cpu.Ops;

/// <summary>How many of a staged block's weight rows one pass of the matmul tile covers, as a type so the JIT folds it to a constant.</summary>
internal interface ITileWeightRows
{
    static abstract int Rows { get; }
}
