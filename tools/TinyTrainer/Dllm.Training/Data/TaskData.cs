using Dllm.Training.Objective;
using Dllm.Evaluation.Tasks;

namespace Dllm.Training.Data;

/// <summary>
/// Supervised pairs from the train split of generated tasks (a uniformly chosen task per sample): the
/// prompt's ids, then the answer's ids and EOS up to a fixed answer canvas of <see cref="AnswerLength"/>
/// tokens, the shape a decoder later fills.
/// </summary>
public sealed class TaskData(IReadOnlyList<ITaskGenerator> tasks, ITrainingTokenizer tokenizer, int answerLength) : ITrainingData
{
    public int AnswerLength { get; } = answerLength;

    public TrainingSample Next(Random random)
    {
        ITaskGenerator task = tasks[random.Next(tasks.Count)];
        TaskInstance instance = TaskSplits.Draw(task, TaskSplit.Train, random);
        int[] prompt = tokenizer.Encode(tokenizer.FormatPrompt(instance.Prompt));
        int[] answer = tokenizer.Encode(instance.Answer);
        if (answer.Length >= AnswerLength)
        {
            throw new InvalidOperationException(
                $"Task {task.Name}: answer '{instance.Answer}' takes {answer.Length} tokens; the canvas of {AnswerLength} needs room for it and an EOS.");
        }
        int[] ids = new int[prompt.Length + AnswerLength];
        prompt.CopyTo(ids, 0);
        answer.CopyTo(ids, prompt.Length);
        ids.AsSpan(prompt.Length + answer.Length).Fill(tokenizer.EndOfTextId);
        return new TrainingSample(ids, prompt.Length);
    }
}
