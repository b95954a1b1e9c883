namespace Dllm.Cpu.Ops;

/// <summary>
/// Where an attention job reads its query and key head vectors and writes its output, as a struct type
/// argument so the JIT inlines it: the generic op copies rows and stores [rows, H·d]; the fused step
/// applies RoPE while it gathers and stores straight into the next matmul's panel.
/// </summary>
internal unsafe interface IAttentionLayout
{
    /// <summary>destination [d] = the head vector at <paramref name="source"/> of packed row <paramref name="row"/>, as attention sees it.</summary>
    void Gather(float* source, float* destination, int headDim, int row);

    /// <summary>Writes output element (packed row <paramref name="row"/>, query column <paramref name="column"/>).</summary>
    void Store(int row, int column, float value);
}
