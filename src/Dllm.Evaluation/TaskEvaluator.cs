using System.Diagnostics;
using Dllm.Evaluation.Tasks;

namespace Dllm.Evaluation;

/// <summary>
/// Scores a model on held-out task instances: each prompt goes through <see cref="DllmEngine.GenerateText"/>
/// (the chat template applies when the model has one, as in training), and the answer is the text
/// before the first end-of-sequence token.
/// </summary>
public static class TaskEvaluator
{
    public static TaskScore Score(DllmEngine engine, ITaskGenerator task, int count, int seed, GenerateOptions options, int keptExamples = 3)
    {
        int correct = 0;
        long calls = 0;
        long tokens = 0;
        var examples = new List<TaskExample>();
        var answers = new List<int[]>();
        var clock = Stopwatch.StartNew();
        foreach (TaskInstance instance in TaskSplits.HeldOutSet(task, count, seed))
        {
            TextGenerationResult result = engine.GenerateText(instance.Prompt, options);
            bool right = task.IsCorrect(instance, result.Text);
            correct += right ? 1 : 0;
            calls += result.Generation.Stats.ForwardCalls;
            tokens += result.Generation.Stats.TokensCommitted;
            answers.Add(result.Generation.Ids);
            if (examples.Count < keptExamples)
            {
                examples.Add(new TaskExample(instance.Prompt, result.Text, instance.Answer, right));
            }
        }
        return new TaskScore(task.Name, DecoderPolicy.DecoderName(engine.Config.Family, options.Decoder), correct, count, calls, tokens, clock.Elapsed, examples, answers);
    }
}
