namespace Dllm;

/// <summary>Which drafts FreeDave verifies; the output is the same with either, only the call count differs.</summary>
public enum DraftPolicyKind
{
    /// <summary>FreeDave's nested top-j drafts from stale scores.</summary>
    Nested,

    /// <summary>A draft tree that also branches where stale confidences are nearly tied (fewer calls at D ≥ 4).</summary>
    NearTieTree,
}
