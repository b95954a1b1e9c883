using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Fused;

/// <summary>
/// Gate and up from one normalised panel, with SwiGLU as the epilogue: a group computes the same tiles of
/// both weights in one pass over the panel, then writes SiLU(gate) ⊙ up (the generic op's <see cref="SwiGluOperator"/> at the same
/// width, a lane-wise function) straight into the down projection's panel [F, PaddedRows]. The
/// accumulators already lie in that transposed layout, so there is no Gate or Up buffer and no pack
/// for the down projection. Lanes past the real rows carry whatever the accumulators held; like every
/// padded lane, they only ever meet padded lanes (each lane is its own FMA chain) and are never stored.
/// </summary>
internal unsafe struct GateUpSwiGluJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;     // RmsNorm(x)ᵀ [D, PaddedRows]
    public WeightMatrix Gate;     // [F, D]
    public WeightMatrix Up;       // [F, D]
    public float* DownPanel;      // [F, PaddedRows]
    public ScratchBuffer Scratch; // per worker: staged block, gate accumulators, up accumulators
    public int GroupTiles;

    public static long ScratchFloats(int groupTiles, int paddedRows) =>
        MatMulGroup<TVec>.StagedFloats + 2 * MatMulGroup<TVec>.AccumulatorFloats(groupTiles, paddedRows);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        float* staged = Scratch.Slice(worker);
        float* gate = staged + MatMulGroup<TVec>.StagedFloats;
        float* up = gate + MatMulGroup<TVec>.AccumulatorFloats(GroupTiles, Panel.PaddedRows);
        for (int group = start; group < end; group += GroupTiles)
        {
            int groupEnd = Math.Min(group + GroupTiles, end);
            WeightPrefetch after = groupEnd < end ? MatMulGroup<TVec>.Block(Gate, groupEnd, 0) : default;
            MatMulGroup<TVec>.AccumulatePair(Panel, Gate, Up, group, groupEnd, staged, gate, up, after);
            int n0 = group * MatMulTile.WeightRows;
            long count = (long)(Math.Min(groupEnd * MatMulTile.WeightRows, Gate.Rows) - n0) * Panel.PaddedRows;
            float* destination = DownPanel + (long)n0 * Panel.PaddedRows;
            for (long i = 0; i < count; i += TVec.Count)
            {
                TVec.Store(destination + i, SwiGluOperator.Invoke(TVec.Load(gate + i), TVec.Load(up + i)));
            }
        }
    }
}
