namespace Dllm;

/// <summary>Which drafts FreeDave verifies; the output is the same with either, only the call count differs.</summary>
public enum DraftPolicyKind
{
    /// <summary>FreeDave's nested top-j drafts from stale scores.</summary>
    Nested,

    /// <summary>Nested's chain, then branches where stale confidences nearly tie with the drafts the chain leaves unused.</summary>
    NearTieTree,
}
