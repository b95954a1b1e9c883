using Dllm.Cpu.Simd;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>output[i, :] = table[ids[i], :], bf16 widened exactly. A copy per row: not worth threads.</summary>
internal static unsafe class EmbeddingOp<TVec> where TVec : struct, IFloatVector<TVec>
{
    public static void Run(WeightMatrix table, ReadOnlySpan<int> ids, Span<float> output)
    {
        int columns = table.Cols;
        OpShapeChecks.Embedding(ids, table.Rows, columns, output);
        fixed (float* outputPointer = output)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                int id = ids[i];
                float* destination = outputPointer + (long)i * columns;
                if (table.Type == WeightType.F32)
                {
                    VectorLoops.Copy<TVec>((float*)table.RowPointer(id), destination, columns);
                }
                else
                {
                    VectorLoops.WidenBf16<TVec>((ushort*)table.RowPointer(id), destination, columns);
                }
            }
        }
    }
}
