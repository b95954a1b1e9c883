namespace Dllm.Evaluation.Tasks;

/// <summary>Which side of the train / held-out partition an instance falls on.</summary>
public enum TaskSplit
{
    Train,
    HeldOut,
}
