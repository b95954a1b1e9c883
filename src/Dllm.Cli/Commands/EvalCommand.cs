using System.CommandLine;

namespace Dllm.Cli.Commands;

/// <summary>`dllm eval`: exact-match accuracy on held-out generated task instances under any decoder.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create();
        var tasks = new Option<string>("--tasks") { Description = "Comma-separated tasks, name or name:size: " + string.Join(", ", Evaluation.Tasks.TaskCatalog.Names) + ".", Required = true };
        var count = new Option<int>("--count") { Description = "Held-out instances per task.", DefaultValueFactory = _ => 100 };
        var instanceSeed = new Option<int>("--instance-seed") { Description = "Seed that picks the held-out instances.", DefaultValueFactory = _ => 7 };
        var decoding = new DecodingOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object per task." };
        var device = DeviceOption.Create();
        var command = new Command("eval", "Score a model on held-out instances of generated tasks (answers checked exactly, or for validity where several are right).")
        {
            model, tasks, count, instanceSeed,
        };
        decoding.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(device);
        command.SetAction(parse => EvalRunner.Run(new EvalSettings
        {
            ModelDirectory = parse.GetValue(model),
            Tasks = parse.GetValue(tasks)!,
            Count = parse.GetValue(count),
            InstanceSeed = parse.GetValue(instanceSeed),
            Options = decoding.Read(parse),
            TopK = decoding.ReadTopK(parse),
            GenLength = decoding.ReadGenLength(parse),
            Json = parse.GetValue(json),
            Device = parse.GetValue(device)!,
        }, Console.Out, Console.Error));
        return command;
    }
}
