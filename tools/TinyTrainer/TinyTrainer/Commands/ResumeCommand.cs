using System.CommandLine;
using Dllm.Training;

namespace Dllm.TinyTrainer.Commands;

/// <summary>`tinytrainer resume`: continues a run with the recipe saved in its folder.</summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Run folder holding trainer_state.json.", Required = true };
        var steps = new Option<int?>("--steps") { Description = "Extend the run to this many steps in total (the cosine schedule is recomputed over the new total)." };
        var tasks = new Option<string?>("--tasks") { Description = "From the resume step on, train on these tasks instead (e.g. addition,addition,sort)." };
        var textShare = new Option<double?>("--text-share") { Description = "From the resume step on, draw this share of samples from the run's text file." };
        var text = new Option<string?>("--text") { Description = "From the resume step on, draw the text samples from this file instead of the run's." };
        var session = SessionOptions.Create();
        var command = new Command("resume", "Continue a saved run from its last checkpoint.") { output, steps, tasks, textShare, text };
        session.AddTo(command);
        command.SetAction(parse => ToolErrors.Run(() => TrainRunner.Run(parse.GetValue(output)!, settings: null, session.Read(parse), Console.Out,
            new RunExtension(parse.GetValue(steps), parse.GetValue(tasks), parse.GetValue(textShare),
                parse.GetValue(text) is { } file ? Path.GetFullPath(file) : null)), Console.Error));
        return command;
    }
}
