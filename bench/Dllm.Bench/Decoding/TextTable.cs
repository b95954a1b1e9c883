using System.Globalization;
using System.Text.RegularExpressions;
using Dllm.Evaluation.Text;

namespace Dllm.Bench.Decoding;

/// <summary>
/// How English-like a model's free text is: the opening words of corpus documents go in as plain
/// prompts (no chat template, as plain text was trained), and each decoding setting's continuations
/// are scored with <see cref="TextQuality"/> against the corpus's words and word triples. The corpus's
/// own continuations of the same openings, cut to the same number of tokens, are the ceiling. Prints
/// markdown, then a few samples.
/// </summary>
public static partial class TextTable
{
    private const int ShownSamples = 5;

    public static void Run(TextTableOptions options, TextWriter output)
    {
        string corpus = File.ReadAllText(options.Corpus);
        WordList reference = WordList.FromText(corpus);
        (string Prompt, string Continuation)[] openings = Openings(corpus, options).ToArray();
        using DllmEngine engine = DllmEngine.Load(options.Model);
        output.WriteLine(Invariant($"{options.Model}: {engine.Backend.Name}; {openings.Length} prompts of {options.PromptWords} words from {Path.GetFileName(options.Corpus)} ({reference.Count:N0} distinct words), gen length {options.GenLength}."));
        output.WriteLine();
        output.WriteLine("| continuation | known words | known word triples | distinct word pairs | words per sample |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Row(output, "the corpus itself (ceiling)", openings.Select(o => FirstTokens(engine, o.Continuation, options.GenLength)).ToArray(), reference);
        var samples = new List<(string Setting, string[] Texts)>();
        foreach ((string name, GenerateOptions settings) in Settings(options.GenLength))
        {
            string[] texts = openings.Select(o => engine.GenerateText(o.Prompt, settings, chat: false).Text).ToArray();
            Row(output, name, texts, reference);
            samples.Add((name, texts));
        }
        foreach ((string setting, string[] texts) in samples)
        {
            output.WriteLine();
            output.WriteLine($"{setting}:");
            for (int i = 0; i < Math.Min(ShownSamples, texts.Length); i++)
            {
                output.WriteLine($"- `{openings[i].Prompt}`{OneLine(texts[i])}");
            }
        }
    }

    private static IEnumerable<(string Name, GenerateOptions Options)> Settings(int genLength)
    {
        var greedy = new GenerateOptions { GenLength = genLength };
        yield return ("static, one block", greedy);
        yield return ("static, blocks of 8", greedy with { BlockLength = 8 });
        yield return ("static, blocks of 8, temperature 0.7", greedy with { BlockLength = 8, Temperature = 0.7f, Seed = 1 });
    }

    private static void Row(TextWriter output, string name, string[] texts, WordList reference)
    {
        TextQuality q = TextQuality.Measure(texts, reference);
        output.WriteLine(Invariant($"| {name} | {100 * q.KnownWordShare:F1}% | {100 * q.KnownTripleShare:F1}% | {100 * q.DistinctBigramShare:F1}% | {(double)q.Words / q.Samples:F1} |"));
    }

    /// <summary>Corpus documents (as the trainer reads them) with enough words, picked by seed; each split after its first words.</summary>
    private static IEnumerable<(string Prompt, string Continuation)> Openings(string corpus, TextTableOptions options)
    {
        string[] documents = TextDocuments.Split(corpus)
            .Where(d => d.Split(' ').Length > options.PromptWords + 4)
            .ToArray();
        var random = new Random(options.Seed);
        foreach (string document in random.GetItems(documents, options.Count))
        {
            int cut = IndexAfterWords(document, options.PromptWords);
            yield return (document[..cut], document[cut..]);
        }
    }

    /// <summary>The start of <paramref name="text"/> that the model's tokenizer spends <paramref name="tokens"/> tokens on.</summary>
    private static string FirstTokens(DllmEngine engine, string text, int tokens)
    {
        Dllm.Tokenizers.Tokenizer tokenizer = engine.Tokenizer ?? throw new ArgumentException("text-table needs a model folder with a tokenizer.");
        int[] ids = tokenizer.Encode(text);
        return tokenizer.Decode(ids.AsSpan(0, Math.Min(tokens, ids.Length)));
    }

    private static int IndexAfterWords(string text, int words)
    {
        int index = 0;
        for (int w = 0; w < words; w++)
        {
            int space = text.IndexOf(' ', index + 1);
            index = space < 0 ? text.Length : space;
        }
        return index;
    }

    private static string OneLine(string text) => Spaces().Replace(text, " ").Replace("`", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
