using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;

namespace Dllm.Cpu.Fused;

/// <summary>
/// Q, K and V in one dispatch over one normalised panel: the tiles of the three weights form one task
/// range [Q tiles | K tiles | V tiles], and a group never spans two of them. Each projection stores
/// y = acc (+ bias) exactly as the generic matmul does.
/// </summary>
internal unsafe struct QkvProjectionJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;       // RmsNorm(x)ᵀ [D, PaddedRows]
    public ProjectionTarget Query;  // [H·d, D] -> [rows, H·d]
    public ProjectionTarget Key;    // [K·d, D] -> [rows, K·d]
    public ProjectionTarget Value;  // [K·d, D] -> [rows, K·d]
    public ScratchBuffer Scratch;   // per worker: staged block, then accumulators
    public int GroupTiles;

    public readonly int TaskCount => Query.Tiles + Key.Tiles + Value.Tiles;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        float* staged = Scratch.Slice(worker);
        float* accumulators = staged + MatMulGroup<TVec>.StagedFloats;
        int task = start;
        while (task < end)
        {
            (ProjectionTarget target, int first) = Locate(task);
            int groupEnd = Math.Min(Math.Min(task + GroupTiles, end), first + target.Tiles);
            int tile0 = task - first, tileEnd = groupEnd - first;
            MatMulGroup<TVec>.Accumulate(Panel, target.Weight, tile0, tileEnd, staged, accumulators, default);
            int n0 = tile0 * MatMulTile.WeightRows;
            int columns = Math.Min(tileEnd * MatMulTile.WeightRows, target.Weight.Rows) - n0;
            MatMulGroup<TVec>.Store(Panel, accumulators, n0, columns, target.Bias, target.Output, target.Weight.Rows);
            task = groupEnd;
        }
    }

    /// <summary>The projection task <paramref name="task"/> belongs to, and that projection's first task.</summary>
    private readonly (ProjectionTarget Target, int First) Locate(int task)
    {
        int keyStart = Query.Tiles, valueStart = keyStart + Key.Tiles;
        return task < keyStart ? (Query, 0) : task < valueStart ? (Key, keyStart) : (Value, valueStart);
    }
}
