using System.Globalization;
using System.Text;
using Dllm.Evaluation;

namespace Dllm.Cli.Rendering;

/// <summary>A task score as `dllm eval` prints it: a summary line, then the kept examples.</summary>
public static class TaskScoreText
{
    public static string Format(TaskScore score, int instanceSeed, int genLength)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{score.Task}: {score.Correct}/{score.Count} = {100 * score.Accuracy:F1}% correct; {score.ForwardCallsPerInstance:F2} forward calls per answer, {score.TokensPerCall:F2} tokens per call; {score.Decoder}, gen length {genLength}, held-out seed {instanceSeed}, {score.Elapsed.TotalSeconds:F1} s");
        foreach (TaskExample example in score.Examples)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {example.Prompt} -> {example.Output} ({(example.Correct ? "right" : "wrong, expected " + example.Expected)})");
        }
        return text.ToString();
    }
}
