using System.Globalization;
using Dllm.Evaluation;
using Dllm.Evaluation.Tasks;

namespace Dllm.Bench.Decoding;

/// <summary>
/// The decoding table on a trained model: per task, held-out accuracy and forward calls of static
/// decoding, FreeDave over it, threshold decoding and FreeDave over threshold, with whether each
/// lossless decoder's answers equal its reference's id for id, how many answers equal static's (what
/// threshold decoding changes), and wall time against static measured in the same run. Prints markdown.
/// </summary>
public static class TaskTable
{
    private sealed record Cell(string Name, GenerateOptions Options, int ReferenceIndex);

    public static void Run(TaskTableOptions options, TextWriter output)
    {
        using DllmEngine engine = DllmEngine.Load(options.Model);
        var baseOptions = new GenerateOptions { GenLength = options.GenLength };
        Cell[] cells = Cells(baseOptions).ToArray();
        output.WriteLine(Invariant($"{options.Model}: {engine.Backend.Name}; gen length {options.GenLength}, one block, static at one token per step; {options.Count} held-out instances per task (seed {options.InstanceSeed})."));
        // Tiered JIT runs the first decodes unoptimised: an untimed pass keeps that out of the table.
        TaskEvaluator.Score(engine, TaskCatalog.Create("addition"), 5, options.InstanceSeed, baseOptions);
        foreach (ITaskGenerator task in TaskCatalog.Parse(options.Tasks))
        {
            output.WriteLine();
            output.WriteLine($"### {task.Name}");
            output.WriteLine();
            output.WriteLine("| decoder | accuracy | forward calls per answer | tokens per call | wall s | speedup (wall) | answers equal to | same answers as static |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---|---:|");
            var scores = new TaskScore[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                scores[c] = TaskEvaluator.Score(engine, task, options.Count, options.InstanceSeed, cells[c].Options);
                Cell reference = cells[cells[c].ReferenceIndex];
                string equal = cells[c].ReferenceIndex == c
                    ? "(reference)"
                    : Invariant($"{reference.Name}: {SameAnswers(scores[c], scores[cells[c].ReferenceIndex])}/{options.Count}");
                TaskScore s = scores[c];
                output.WriteLine(Invariant(
                    $"| {cells[c].Name} | {100 * s.Accuracy:F1}% | {s.ForwardCallsPerInstance:F2} | {s.TokensPerCall:F2} | {s.Elapsed.TotalSeconds:F2} | {scores[0].Elapsed / s.Elapsed:F2}x | {equal} | {SameAnswers(s, scores[0])}/{options.Count} |"));
            }
        }
    }

    /// <summary>Static first (the reference of FreeDave's rows), then FreeDave; each threshold, then FreeDave over the first.</summary>
    private static IEnumerable<Cell> Cells(GenerateOptions options)
    {
        yield return new Cell("static", options, 0);
        foreach (int drafts in (int[])[2, 4])
        {
            yield return new Cell(Invariant($"freedave nested D={drafts}"), options with { Decoder = DecoderKind.FreeDave, Drafts = drafts }, 0);
        }
        yield return new Cell("freedave near-tie-tree D=4", options with { Decoder = DecoderKind.FreeDave, Drafts = 4, Drafter = DraftPolicyKind.NearTieTree }, 0);
        const int FirstThreshold = 4;
        int index = FirstThreshold;
        foreach (float threshold in (float[])[0.9f, 0.7f])
        {
            yield return new Cell(Invariant($"threshold {threshold}"), options with { Decoder = DecoderKind.Threshold, Threshold = threshold }, index++);
        }
        yield return new Cell("freedave-threshold 0.9 D=4", options with { Decoder = DecoderKind.FreeDaveThreshold, Threshold = 0.9f, Drafts = 4 }, FirstThreshold);
    }

    private static int SameAnswers(TaskScore a, TaskScore b) => a.AnswerIds.Zip(b.AnswerIds).Count(pair => pair.First.AsSpan().SequenceEqual(pair.Second));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
