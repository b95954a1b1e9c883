using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// One matmul call, parallel over weight tiles of <see cref="MatMulTile.WeightRows"/> rows (so every
/// output element belongs to exactly one thread). Per thread, weight tiles are taken in groups of
/// <see cref="GroupTiles"/>, each computed by <see cref="MatMulGroup{TVec}"/> and stored as y = acc (+ bias).
/// </summary>
internal unsafe struct MatMulJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;     // xᵀ [K, PaddedRows]
    public WeightMatrix Weight;   // [N, K]
    public float* Bias;           // [N] or null
    public float* Output;         // [M, N]
    public ScratchBuffer Scratch; // per worker: staged weight block, then accumulators
    public int GroupTiles;

    public static long ScratchFloats(int groupTiles, int paddedRows) =>
        MatMulGroup<TVec>.StagedFloats + MatMulGroup<TVec>.AccumulatorFloats(groupTiles, paddedRows);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        float* staged = Scratch.Slice(worker);                        // [WeightRows, DepthBlock]
        float* accumulators = staged + MatMulGroup<TVec>.StagedFloats; // [GroupTiles · WeightRows, PaddedRows]
        for (int group = start; group < end; group += GroupTiles)
        {
            int groupEnd = Math.Min(group + GroupTiles, end);
            WeightPrefetch after = groupEnd < end ? MatMulGroup<TVec>.Block(Weight, groupEnd, 0) : default;
            MatMulGroup<TVec>.Accumulate(Panel, Weight, group, groupEnd, staged, accumulators, after);
            int n0 = group * MatMulTile.WeightRows;
            int columns = Math.Min(groupEnd * MatMulTile.WeightRows, Weight.Rows) - n0;
            MatMulGroup<TVec>.Store(Panel, accumulators, n0, columns, Bias, Output, Weight.Rows);
        }
    }
}
