namespace Dllm.Training;

/// <summary>
/// What a resumed run may change: more steps in total, and from the resume step on, another task mix,
/// text file or text share (a second phase of the same run). Each step's batch is drawn from (seed, step) with
/// the mix in force at that step, so "train, then resume with these changes" reproduces bit for bit.
/// </summary>
public sealed record RunExtension(int? TotalSteps = null, string? Tasks = null, double? TextShare = null, string? TextFile = null)
{
    public static RunExtension None { get; } = new();

    /// <summary>The saved recipe with these changes applied; refuses to shorten a run or to change a mix the run cannot use.</summary>
    public TrainingSettings ApplyTo(TrainingSettings saved, string directory)
    {
        if (TotalSteps < saved.Steps)
        {
            throw new InvalidOperationException($"{directory} is a run of {saved.Steps} steps; --steps can only extend it, not shorten it to {TotalSteps}.");
        }
        if (TextShare is { } share && (share < 0 || share > 1 || double.IsNaN(share)))
        {
            throw new InvalidOperationException($"--text-share must be between 0 and 1, not {share}.");
        }
        if (TextFile is not null && !File.Exists(TextFile))
        {
            throw new FileNotFoundException($"The text file {TextFile} does not exist.", TextFile);
        }
        if (TextShare is > 0 && (TextFile ?? saved.TextFile) is null)
        {
            throw new InvalidOperationException($"{directory} was trained without a text file, so its text share cannot be changed.");
        }
        if (Tasks is not null)
        {
            Dllm.Evaluation.Tasks.TaskCatalog.Parse(Tasks);
        }
        return saved with
        {
            Steps = TotalSteps ?? saved.Steps,
            Tasks = Tasks ?? saved.Tasks,
            TextShare = TextShare ?? saved.TextShare,
            TextFile = TextFile ?? saved.TextFile,
        };
    }
}
