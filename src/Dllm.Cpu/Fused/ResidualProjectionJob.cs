using System.Runtime.CompilerServices;
using Dllm.Cpu.Ops;
using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Fused;

/// <summary>
/// A projection whose epilogue is the residual connection: residual[m, n] = residual[m, n] + acc[n, m],
/// the same single addition the generic Add op makes after the generic matmul stored acc.
/// </summary>
internal unsafe struct ResidualProjectionJob<TVec> : IWorkerJob where TVec : struct, IFloatVector<TVec>
{
    public MatMulPanel Panel;     // xᵀ [K, PaddedRows]
    public WeightMatrix Weight;   // [D, K]
    public float* Residual;       // [rows, D]
    public ScratchBuffer Scratch; // per worker: staged block, then accumulators
    public int GroupTiles;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Execute(int start, int end, int worker)
    {
        float* staged = Scratch.Slice(worker);
        float* accumulators = staged + MatMulGroup<TVec>.StagedFloats;
        int width = Weight.Rows;
        for (int group = start; group < end; group += GroupTiles)
        {
            int groupEnd = Math.Min(group + GroupTiles, end);
            WeightPrefetch after = groupEnd < end ? MatMulGroup<TVec>.Block(Weight, groupEnd, 0) : default;
            MatMulGroup<TVec>.Accumulate(Panel, Weight, group, groupEnd, staged, accumulators, after);
            int n0 = group * MatMulTile.WeightRows;
            int columns = Math.Min(groupEnd * MatMulTile.WeightRows, width) - n0;
            for (int m = 0; m < Panel.Rows; m++)
            {
                float* row = Residual + (long)m * width + n0;
                float* acc = accumulators + m;
                for (int j = 0; j < columns; j++)
                {
                    row[j] += acc[(long)j * Panel.PaddedRows];
                }
            }
        }
    }
}
