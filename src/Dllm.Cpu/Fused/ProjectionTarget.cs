using Dllm.Cpu.Ops;

namespace Dllm.Cpu.Fused;

/// <summary>One projection of a fused matmul: its packed weight [N, K], bias [N] or null, and output [rows, N].</summary>
internal readonly unsafe struct ProjectionTarget(PackedWeight weight, float* bias, float* output)
{
    public readonly PackedWeight Weight = weight;
    public readonly float* Bias = bias;
    public readonly float* Output = output;

    public int Panels => Weight.Panels;
}
