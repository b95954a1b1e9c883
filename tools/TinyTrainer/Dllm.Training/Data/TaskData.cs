using Dllm.Training.Objective;
using Dllm.Evaluation.Tasks;

namespace Dllm.Training.Data;

/// <summary>
/// Supervised pairs from the train split of generated tasks (a uniformly chosen task per sample): the
/// prompt's ids, then the answer's ids and EOS up to an answer canvas, the shape a decoder later
/// fills. The canvas length is drawn uniformly from (answer length, <see cref="AnswerLength"/>], as
/// LLaDA's SFT pads each batch to its own length: the model learns to close its answer with EOS
/// whatever canvas it is given up to <see cref="AnswerLength"/>, and the padding does not drown the
/// answer tokens' share of the loss.
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
        int canvas = random.Next(answer.Length + 1, AnswerLength + 1);
        int[] ids = new int[prompt.Length + canvas];
        prompt.CopyTo(ids, 0);
        answer.CopyTo(ids, prompt.Length);
        ids.AsSpan(prompt.Length + answer.Length).Fill(tokenizer.EndOfTextId);
        return new TrainingSample(ids, prompt.Length);
    }
}
