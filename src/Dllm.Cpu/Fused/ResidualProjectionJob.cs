using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Fused;

/// <summary>
/// A projection whose epilogue is the residual connection: residual[m, n] = residual[m, n] + acc[m, n],
/// the same single addition the generic Add op makes after the generic matmul stored acc.
/// </summary>
internal unsafe struct ResidualProjectionJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;     // xᵀ [K, PaddedRows]
    public PackedWeight Weight;   // [D, K] in panels
    public float* Residual;       // [rows, D]
    public ScratchBuffer Scratch; // per worker: accumulators [rows, GroupPanels · Width]
    public int GroupPanels;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        float* accumulators = Scratch.Slice(worker);
        int width = Weight.Rows;
        int stride = GroupPanels * Weight.Width;
        for (int group = start; group < end; group += GroupPanels)
        {
            int groupEnd = Math.Min(group + GroupPanels, end);
            PanelGroup<TVec>.Accumulate(Panel, Weight, group, groupEnd, accumulators, stride);
            int n0 = group * Weight.Width;
            int columns = Math.Min(groupEnd * Weight.Width, width) - n0;
            for (int m = 0; m < Panel.Rows; m++)
            {
                float* row = Residual + (long)m * width + n0;
                float* acc = accumulators + (long)m * stride;
                for (int j = 0; j < columns; j++)
                {
                    row[j] += acc[j];
                }
            }
        }
    }
}
