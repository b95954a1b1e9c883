using Dllm.Kernels;

namespace Dllm.Gpu.Kernels;

/// <summary>The sizes of the three attention launches over the work rows <see cref="AttentionWorkRows"/> lists.</summary>
/// <param name="Tasks">One per work row and head: the softmax launch.</param>
/// <param name="Scores">One per task and key of the longest sequence: the scores launch.</param>
/// <param name="Outputs">One per task and head dimension: the weighted-values launch.</param>
public readonly record struct AttentionRanges(WorkRange Tasks, WorkRange Scores, WorkRange Outputs)
{
    public static AttentionRanges For(AttentionWorkRows work, AttentionShape shape, int maxThreads)
    {
        WorkRange tasks = WorkRange.For((long)work.Count * shape.NumHeads, maxThreads, "Attention heads");
        return new AttentionRanges(
            tasks,
            WorkRange.For((long)tasks.Count * work.Longest, maxThreads, "Attention scores"),
            WorkRange.For((long)tasks.Count * shape.HeadDim, maxThreads, "Attention outputs"));
    }
}
