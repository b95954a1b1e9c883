namespace Dllm.Evaluation.Tasks;

/// <summary>
/// Operations on a list of <see cref="Count"/> single digits, written space-separated:
/// "sort 3 1 4 1 5" → "1 1 3 4 5", "reverse 3 1 4" → "4 1 3", "copy 3 1 4" → "3 1 4".
/// </summary>
public sealed class DigitListTask : ITaskGenerator
{
    private readonly Func<int[], IEnumerable<int>> _operation;

    private DigitListTask(string verb, int count, Func<int[], IEnumerable<int>> operation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Verb = verb;
        Count = count;
        _operation = operation;
    }

    public string Verb { get; }

    public int Count { get; }

    public string Name => $"{Verb}:{Count}";

    public static DigitListTask Sort(int count) => new("sort", count, digits => digits.Order());

    public static DigitListTask Reverse(int count) => new("reverse", count, digits => digits.Reverse());

    public static DigitListTask Copy(int count) => new("copy", count, digits => digits);

    public TaskInstance Generate(Random random)
    {
        int[] digits = Enumerable.Range(0, Count).Select(_ => random.Next(10)).ToArray();
        return new TaskInstance(Name, $"{Verb} {string.Join(' ', digits)}", string.Join(' ', _operation(digits)));
    }

    public bool IsCorrect(TaskInstance instance, string output) => output.Trim() == instance.Answer;
}
