namespace Dllm.Gpu;

/// <summary>How the GPU backends split the fused head, shared so the memory estimate matches both.</summary>
public static class FusedHeadChunk
{
    /// <summary>Rows per pass over the head weights: bounds device scratch (64 × 126k logits and their double terms ≈ 97 MiB).</summary>
    public const int Rows = 64;
}
