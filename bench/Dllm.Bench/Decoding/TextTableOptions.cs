using System.Globalization;

namespace Dllm.Bench.Decoding;

/// <summary>
/// What <c>text-table</c> runs, mapped from its flags: <c>--model DIR</c> and <c>--corpus FILE</c> (the
/// model's training text; required), <c>--count N</c> prompts (default 50), <c>--prompt-words N</c>
/// words of a corpus document as the prompt (default 3), <c>--gen-length N</c> (default 32),
/// <c>--seed N</c> picking the documents (default 7).
/// </summary>
public sealed class TextTableOptions
{
    public string Model { get; private set; } = "";
    public string Corpus { get; private set; } = "";
    public int Count { get; private set; } = 50;
    public int PromptWords { get; private set; } = 3;
    public int GenLength { get; private set; } = 32;
    public int Seed { get; private set; } = 7;

    public static TextTableOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TextTableOptions();
        for (int i = 0; i < args.Count; i += 2)
        {
            string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--model": options.Model = value; break;
                case "--corpus": options.Corpus = value; break;
                case "--count": options.Count = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--prompt-words": options.PromptWords = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--gen-length": options.GenLength = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": options.Seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]} (known: --model, --corpus, --count, --prompt-words, --gen-length, --seed).");
            }
        }
        return options.Model.Length > 0 && options.Corpus.Length > 0
            ? options
            : throw new ArgumentException("text-table needs --model DIR and --corpus FILE (the text the model was trained on).");
    }
}
