using System.Globalization;

namespace Dllm.Bench.Decoding;

/// <summary>
/// What <c>task-table</c> runs, mapped from its flags: <c>--model DIR</c> (required), <c>--tasks</c>
/// (default addition,sort,shuffle), <c>--count N</c> held-out instances per task (default
/// 100), <c>--gen-length N</c> (default 20, the embedded model's training canvas), <c>--instance-seed N</c> (default 7).
/// </summary>
public sealed class TaskTableOptions
{
    public string Model { get; private set; } = "";
    public string Tasks { get; private set; } = "addition,sort,shuffle";
    public int Count { get; private set; } = 100;
    public int GenLength { get; private set; } = 20;
    public int InstanceSeed { get; private set; } = 7;

    public static TaskTableOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TaskTableOptions();
        for (int i = 0; i < args.Count; i += 2)
        {
            string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--model": options.Model = value; break;
                case "--tasks": options.Tasks = value; break;
                case "--count": options.Count = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--gen-length": options.GenLength = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--instance-seed": options.InstanceSeed = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]} (known: --model, --tasks, --count, --gen-length, --instance-seed).");
            }
        }
        return options.Model.Length > 0 ? options : throw new ArgumentException("task-table needs --model DIR (a trained model folder with its tokenizer).");
    }
}
