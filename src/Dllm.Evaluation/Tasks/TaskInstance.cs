namespace Dllm.Evaluation.Tasks;

/// <summary>
/// One generated problem: the task's name, the prompt text and a correct answer. <see cref="Task"/>
/// names the problem and keys the train / held-out split; variants that only write the answer
/// differently (padded and unpadded addition) share it.
/// </summary>
public sealed record TaskInstance(string Task, string Prompt, string Answer);
