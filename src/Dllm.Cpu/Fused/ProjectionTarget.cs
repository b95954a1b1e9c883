using Dllm.Cpu.Ops;
using Dllm.Kernels;

namespace Dllm.Cpu.Fused;

/// <summary>One projection of a fused matmul: its weight [N, K], bias [N] or null, and output [rows, N].</summary>
internal readonly unsafe struct ProjectionTarget(WeightMatrix weight, float* bias, float* output)
{
    public readonly WeightMatrix Weight = weight;
    public readonly float* Bias = bias;
    public readonly float* Output = output;

    public int Tiles => MatMulGrouping.Tiles(Weight.Rows);
}
