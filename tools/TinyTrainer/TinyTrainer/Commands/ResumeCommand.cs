using System.CommandLine;

namespace Dllm.TinyTrainer.Commands;

/// <summary>`tinytrainer resume`: continues a run with the recipe saved in its folder.</summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Run folder holding trainer_state.json.", Required = true };
        var steps = new Option<int?>("--steps") { Description = "Extend the run to this many steps in total (the cosine schedule is recomputed over the new total)." };
        var session = SessionOptions.Create();
        var command = new Command("resume", "Continue a saved run from its last checkpoint.") { output, steps };
        session.AddTo(command);
        command.SetAction(parse => ToolErrors.Run(() => TrainRunner.Run(parse.GetValue(output)!, settings: null, session.Read(parse), Console.Out, parse.GetValue(steps)), Console.Error));
        return command;
    }
}
