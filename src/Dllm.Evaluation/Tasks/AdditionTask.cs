using System.Globalization;

namespace Dllm.Evaluation.Tasks;

/// <summary>
/// "123+456=" → "0579": two numbers of exactly <see cref="Digits"/> digits (0–9 for one digit), the sum
/// written with <see cref="Digits"/> + 1 digits, zero-padded. A fixed-width answer puts every digit
/// of the sum at the same canvas position whatever the final carry; with the natural width the
/// units digit moves by one place depending on a carry that needs the whole sum, which a small
/// model learns far more slowly (zero padding, Lee et al., 2023, "Teaching Arithmetic to Small
/// Transformers", arXiv:2307.03381). The unpadded variant ("579") is kept because the built-in
/// model's first training phases used it; both variants share the train / held-out split.
/// </summary>
public sealed class AdditionTask : ITaskGenerator
{
    public const string PaddedName = "addition";

    public const string UnpaddedName = "addition-unpadded";

    public AdditionTask(int digits, bool padded = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        Digits = digits;
        Padded = padded;
    }

    public int Digits { get; }

    public bool Padded { get; }

    public string Name => $"{(Padded ? PaddedName : UnpaddedName)}:{Digits}";

    public TaskInstance Generate(Random random)
    {
        int low = Digits == 1 ? 0 : Pow10(Digits - 1);
        int high = Pow10(Digits);
        long a = random.Next(low, high);
        long b = random.Next(low, high);
        string sum = (a + b).ToString(CultureInfo.InvariantCulture);
        // The split key names the problem, not the answer's format, so a prompt is held out in both variants.
        return new TaskInstance($"{PaddedName}:{Digits}", Invariant($"{a}+{b}="), Padded ? sum.PadLeft(Digits + 1, '0') : sum);
    }

    public bool IsCorrect(TaskInstance instance, string output) => output.Trim() == instance.Answer;

    private static int Pow10(int n) => (int)Math.Pow(10, n);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
