using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>output[i, c] = table[ids[i], c] widened to f32, one result per output element. Ids are checked on the host.</summary>
public static class EmbeddingKernel
{
    public static void Gather<TWeights>(Index1D thread, WorkRange range, TWeights table, ArrayView<int> ids, int columns, ArrayView<float> output)
        where TWeights : struct, IDeviceWeights
    {
        for (int index = thread; index < range.Count; index += range.Threads)
        {
            int i = index / columns;
            int c = index - i * columns;
            output[index] = table.Read((long)ids[i] * columns + c);
        }
    }
}
