using System.Globalization;

namespace Dllm.Bench.Specialization;

/// <summary>
/// What <c>fused-step</c> runs, mapped from its flags: <c>--repeat N</c> (timed calls per kernel and
/// case, default 7), <c>--windows A,B</c> (window lengths in tokens, default 32,256), <c>--layers N</c>
/// (layers of the 8B-shaped model, default 2), <c>--only 8b|tiny</c> (one of the two models),
/// <c>--backend cpu|cuda|opencl|cpu-accelerator</c> (the CPU backend, default, or the ILGPU backend on that device).
/// </summary>
public sealed class FusedStepTableOptions
{
    public int Repeats { get; private set; } = 7;
    public int[] Windows { get; private set; } = [32, 256];
    public int Layers { get; private set; } = 2;
    public bool Large { get; private set; } = true;
    public bool Tiny { get; private set; } = true;
    public string Backend { get; private set; } = "cpu";

    public static IReadOnlyList<string> Backends { get; } = ["cpu", "cuda", "opencl", "cpu-accelerator"];

    public static FusedStepTableOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FusedStepTableOptions();
        for (int i = 0; i < args.Count; i += 2)
        {
            string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--repeat":
                    options.Repeats = Math.Max(1, Number(value));
                    break;
                case "--windows":
                    options.Windows = value.Split(',').Select(Number).ToArray();
                    break;
                case "--layers":
                    options.Layers = Math.Max(1, Number(value));
                    break;
                case "--only":
                    options.Large = value == "8b" ? true : value == "tiny" ? false : throw new ArgumentException("--only takes 8b or tiny.");
                    options.Tiny = !options.Large;
                    break;
                case "--backend":
                    options.Backend = Backends.Contains(value) ? value : throw new ArgumentException($"--backend takes {string.Join(", ", Backends)}.");
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]} (known: --repeat N, --windows A,B, --layers N, --only 8b|tiny, --backend {string.Join("|", Backends)}).");
            }
        }
        return options;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
