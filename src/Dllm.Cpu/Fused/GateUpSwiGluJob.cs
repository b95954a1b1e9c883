using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Fused;

/// <summary>
/// Gate and up from one normalised panel, with SwiGLU as the epilogue: a group computes the same panels of
/// both weights in one pass over the activations, then writes SiLU(gate) ⊙ up (the generic op's
/// <see cref="SwiGluOperator"/> at the same width, a lane-wise function) transposed, straight into the down
/// projection's panel [F, PaddedRows], so there is no Gate or Up buffer and no pack for the down projection.
/// The panel's padded rows are never written: the down projection reads only real rows.
/// </summary>
internal unsafe struct GateUpSwiGluJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;     // RmsNorm(x)ᵀ [D, PaddedRows]
    public PackedWeight Gate;     // [F, D] in panels
    public PackedWeight Up;       // [F, D] in panels
    public float* DownPanel;      // [F, PaddedRows]
    public ScratchBuffer Scratch; // per worker: gate accumulators, up accumulators, one vector of results
    public int GroupPanels;

    public static long ScratchFloats(int groupPanels, int rows, int width) =>
        2 * PackedMatMulJob<TVec>.ScratchFloats(groupPanels, rows, width) + TVec.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        long blockFloats = PackedMatMulJob<TVec>.ScratchFloats(GroupPanels, Panel.Rows, Gate.Width);
        float* gate = Scratch.Slice(worker);
        float* up = gate + blockFloats;
        float* lanes = up + blockFloats;
        int stride = GroupPanels * Gate.Width;
        for (int group = start; group < end; group += GroupPanels)
        {
            int groupEnd = Math.Min(group + GroupPanels, end);
            PanelGroup<TVec>.AccumulatePair(Panel, Gate, Up, group, groupEnd, gate, up, stride);
            int n0 = group * Gate.Width;
            int columns = Math.Min(groupEnd * Gate.Width, Gate.Rows) - n0;
            for (int m = 0; m < Panel.Rows; m++)
            {
                float* destination = DownPanel + (long)n0 * Panel.PaddedRows + m;
                for (int j = 0; j < columns; j += TVec.Count)
                {
                    long at = (long)m * stride + j;
                    TVec.Store(lanes, SwiGluOperator.Invoke(TVec.Load(gate + at), TVec.Load(up + at)));
                    for (int lane = 0; lane < TVec.Count && j + lane < columns; lane++)
                    {
                        destination[(long)(j + lane) * Panel.PaddedRows] = lanes[lane];
                    }
                }
            }
        }
    }
}
