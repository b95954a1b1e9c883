using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Ops;

/// <summary>
/// One matmul over packed weights, parallel over weight panels (so every output element belongs to exactly
/// one thread), taken <see cref="GroupPanels"/> at a time, each group computed by <see cref="PanelGroup{TVec}"/>
/// and stored as y = acc.
/// </summary>
internal unsafe struct PackedMatMulJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;     // xᵀ [K, PaddedRows]
    public PackedWeight Weight;   // W [N, K] in panels
    public float* Output;         // [M, N]
    public ScratchBuffer Scratch; // per worker: accumulators [M, GroupPanels · Width]
    public int GroupPanels;

    public static long ScratchFloats(int groupPanels, int rows, int width) => (long)groupPanels * width * rows;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        float* accumulators = Scratch.Slice(worker);
        int stride = GroupPanels * Weight.Width;
        for (int group = start; group < end; group += GroupPanels)
        {
            int groupEnd = Math.Min(group + GroupPanels, end);
            PanelGroup<TVec>.Accumulate(Panel, Weight, group, groupEnd, accumulators, stride);
            int n0 = group * Weight.Width;
            int columns = Math.Min(groupEnd * Weight.Width, Weight.Rows) - n0;
            PanelGroup<TVec>.Store(Panel.Rows, accumulators, stride, n0, columns, null, Output, Weight.Rows);
        }
    }
}
