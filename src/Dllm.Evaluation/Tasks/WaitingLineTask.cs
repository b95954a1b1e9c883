namespace Dllm.Evaluation.Tasks;

/// <summary>
/// ParallelBench-style list operations on a waiting line of <see cref="Count"/> distinct names:
/// "line Ann Ben Cal; insert Eve at 2" → "Ann Eve Ben Cal" (positions count from 1). The open-ended
/// operations (insert anywhere, replace anyone, shuffle) have many right answers whose tokens depend
/// on each other: each position alone is uncertain, so decoding several positions in parallel from
/// their separate marginals produces duplicates and omissions. The reference answer is one valid
/// choice; <see cref="IsCorrect"/> accepts any valid one.
/// </summary>
public sealed class WaitingLineTask : ITaskGenerator
{
    private static readonly string[] Names =
    [
        "Ann", "Ben", "Cal", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jon", "Kim", "Lou", "Max",
        "Ned", "Oli", "Pam", "Ria", "Ray", "Sam", "Tom", "Uma", "Val", "Wes", "Xia", "Yan", "Zoe",
    ];

    public WaitingLineTask(LineOperation operation, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Names.Length - 1);
        Operation = operation;
        Count = count;
    }

    public LineOperation Operation { get; }

    public int Count { get; }

    public string Name => $"{OperationName(Operation)}:{Count}";

    public static string OperationName(LineOperation operation) => operation switch
    {
        LineOperation.InsertAnywhere => "insert-anywhere",
        LineOperation.ReplaceAnyone => "replace-anyone",
        _ => operation.ToString().ToLowerInvariant(),
    };

    public TaskInstance Generate(Random random)
    {
        string[] drawn = Names.OrderBy(_ => random.Next()).Take(Count + 1).ToArray();
        List<string> line = [.. drawn[..Count]];
        string newcomer = drawn[Count];
        int position = random.Next(1, Count + (Operation is LineOperation.Insert or LineOperation.InsertAnywhere ? 2 : 1));
        List<string> answer = [.. line];
        string command;
        switch (Operation)
        {
            case LineOperation.Insert:
            case LineOperation.InsertAnywhere:
                answer.Insert(position - 1, newcomer);
                command = Operation == LineOperation.Insert ? $"insert {newcomer} at {position}" : $"insert {newcomer} anywhere";
                break;
            case LineOperation.Remove:
                answer.RemoveAt(position - 1);
                command = $"remove {position}";
                break;
            case LineOperation.Replace:
            case LineOperation.ReplaceAnyone:
                answer[position - 1] = newcomer;
                command = Operation == LineOperation.Replace ? $"replace {position} with {newcomer}" : $"replace anyone with {newcomer}";
                break;
            default:
                answer = [.. line.OrderBy(_ => random.Next())];
                command = "shuffle";
                break;
        }
        return new TaskInstance(Name, $"line {string.Join(' ', line)}; {command}", string.Join(' ', answer));
    }

    public bool IsCorrect(TaskInstance instance, string output)
    {
        string[] given = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] prompt = instance.Prompt.Split("; ");
        string[] line = prompt[0].Split(' ')[1..];
        string[] command = prompt[1].Split(' ');
        return Operation switch
        {
            LineOperation.InsertAnywhere => given.Length == line.Length + 1
                && Enumerable.Range(0, given.Length).Any(i => given[i] == command[1] && given.Take(i).Concat(given.Skip(i + 1)).SequenceEqual(line)),
            LineOperation.ReplaceAnyone => given.Length == line.Length
                && Enumerable.Range(0, given.Length).Count(i => given[i] != line[i]) == 1
                && Enumerable.Range(0, given.Length).All(i => given[i] == line[i] || given[i] == command[^1]),
            LineOperation.Shuffle => given.Order(StringComparer.Ordinal).SequenceEqual(line.Order(StringComparer.Ordinal)),
            _ => output.Trim() == instance.Answer,
        };
    }
}
