using System.Globalization;

namespace Dllm.Evaluation.Tasks;

/// <summary>"123+456=" → "579": two numbers of exactly <see cref="Digits"/> digits (0–9 for one digit).</summary>
public sealed class AdditionTask : ITaskGenerator
{
    public AdditionTask(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        Digits = digits;
    }

    public int Digits { get; }

    public string Name => $"addition:{Digits}";

    public TaskInstance Generate(Random random)
    {
        int low = Digits == 1 ? 0 : Pow10(Digits - 1);
        int high = Pow10(Digits);
        long a = random.Next(low, high);
        long b = random.Next(low, high);
        return new TaskInstance(Name, Invariant($"{a}+{b}="), (a + b).ToString(CultureInfo.InvariantCulture));
    }

    public bool IsCorrect(TaskInstance instance, string output) => output.Trim() == instance.Answer;

    private static int Pow10(int n) => (int)Math.Pow(10, n);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
