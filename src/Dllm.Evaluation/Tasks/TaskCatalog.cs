using System.Globalization;

namespace Dllm.Evaluation.Tasks;

/// <summary>
/// Task names as the command line writes them: "name" or "name:size", comma-separated
/// ("addition,sort:8,shuffle:5"). Sizes default to the issue's targets: 3-digit addition and lists of 8.
/// </summary>
public static class TaskCatalog
{
    private static readonly Dictionary<string, (int DefaultSize, Func<int, ITaskGenerator> Create)> Tasks = new(StringComparer.Ordinal)
    {
        [AdditionTask.PaddedName] = (3, n => new AdditionTask(n)),
        [AdditionTask.UnpaddedName] = (3, n => new AdditionTask(n, padded: false)),
        ["sort"] = (8, DigitListTask.Sort),
        ["reverse"] = (8, DigitListTask.Reverse),
        ["copy"] = (8, DigitListTask.Copy),
        [WaitingLineTask.OperationName(LineOperation.Insert)] = (5, n => new WaitingLineTask(LineOperation.Insert, n)),
        [WaitingLineTask.OperationName(LineOperation.Remove)] = (5, n => new WaitingLineTask(LineOperation.Remove, n)),
        [WaitingLineTask.OperationName(LineOperation.Replace)] = (5, n => new WaitingLineTask(LineOperation.Replace, n)),
        [WaitingLineTask.OperationName(LineOperation.InsertAnywhere)] = (5, n => new WaitingLineTask(LineOperation.InsertAnywhere, n)),
        [WaitingLineTask.OperationName(LineOperation.ReplaceAnyone)] = (5, n => new WaitingLineTask(LineOperation.ReplaceAnyone, n)),
        [WaitingLineTask.OperationName(LineOperation.Shuffle)] = (5, n => new WaitingLineTask(LineOperation.Shuffle, n)),
    };

    public static IEnumerable<string> Names => Tasks.Keys;

    public static IReadOnlyList<ITaskGenerator> Parse(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Create).ToArray();

    public static ITaskGenerator Create(string spec)
    {
        string[] parts = spec.Split(':');
        if (parts.Length > 2 || !Tasks.TryGetValue(parts[0], out var task))
        {
            throw new ArgumentException($"Unknown task '{spec}'. Tasks: {string.Join(", ", Names)} (optionally name:size).", nameof(spec));
        }
        if (parts.Length == 1)
        {
            return task.Create(task.DefaultSize);
        }
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0
            ? task.Create(size)
            : throw new ArgumentException($"Task '{spec}': the size must be a positive integer.", nameof(spec));
    }
}
