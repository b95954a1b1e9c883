using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Fused;

/// <summary>
/// Q, K and V in one dispatch over one normalised panel: the panels of the three weights form one task
/// range [Q panels | K panels | V panels], and a group never spans two of them. Each projection stores
/// y = acc (+ bias) exactly as the generic matmul does.
/// </summary>
internal unsafe struct QkvProjectionJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;       // RmsNorm(x)ᵀ [D, PaddedRows]
    public ProjectionTarget Query;  // [H·d, D] -> [rows, H·d]
    public ProjectionTarget Key;    // [K·d, D] -> [rows, K·d]
    public ProjectionTarget Value;  // [K·d, D] -> [rows, K·d]
    public ScratchBuffer Scratch;   // per worker: accumulators [rows, GroupPanels · Width]
    public int GroupPanels;

    public readonly int TaskCount => Query.Panels + Key.Panels + Value.Panels;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        float* accumulators = Scratch.Slice(worker);
        int width = Query.Weight.Width;
        int stride = GroupPanels * width;
        int task = start;
        while (task < end)
        {
            (ProjectionTarget target, int first) = Locate(task);
            int groupEnd = Math.Min(Math.Min(task + GroupPanels, end), first + target.Panels);
            int panel0 = task - first, panelEnd = groupEnd - first;
            PanelGroup<TVec>.Accumulate(Panel, target.Weight, panel0, panelEnd, accumulators, stride);
            int n0 = panel0 * width;
            int columns = Math.Min(panelEnd * width, target.Weight.Rows) - n0;
            PanelGroup<TVec>.Store(Panel.Rows, accumulators, stride, n0, columns, target.Bias, target.Output, target.Weight.Rows);
            task = groupEnd;
        }
    }

    /// <summary>The projection task <paramref name="task"/> belongs to, and that projection's first task.</summary>
    private readonly (ProjectionTarget Target, int First) Locate(int task)
    {
        int keyStart = Query.Panels, valueStart = keyStart + Key.Panels;
        return task < keyStart ? (Query, 0) : task < valueStart ? (Key, keyStart) : (Value, valueStart);
    }
}
