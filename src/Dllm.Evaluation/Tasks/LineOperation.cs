namespace Dllm.Evaluation.Tasks;

/// <summary>The waiting-line operations of <see cref="WaitingLineTask"/> (after ParallelBench's Waiting Line tasks).</summary>
public enum LineOperation
{
    /// <summary>"insert Eve at 2": one answer.</summary>
    Insert,
    /// <summary>"remove 2": one answer.</summary>
    Remove,
    /// <summary>"replace 2 with Eve": one answer.</summary>
    Replace,
    /// <summary>"insert Eve anywhere": any of n + 1 answers.</summary>
    InsertAnywhere,
    /// <summary>"replace anyone with Eve": any of n answers.</summary>
    ReplaceAnyone,
    /// <summary>"shuffle": any permutation.</summary>
    Shuffle,
}
