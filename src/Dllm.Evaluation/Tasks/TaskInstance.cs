namespace Dllm.Evaluation.Tasks;

/// <summary>One generated problem: the task's name, the prompt text and a correct answer.</summary>
public sealed record TaskInstance(string Task, string Prompt, string Answer);
