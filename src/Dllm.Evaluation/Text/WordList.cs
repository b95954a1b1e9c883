using System.Globalization;
using System.Text;

namespace Dllm.Evaluation.Text;

/// <summary>
/// The words a corpus uses, and the runs of three words it uses, to tell real words from invented
/// ones and corpus-like phrasing from word salad in generated text. A word is a maximal run of
/// letters, with apostrophes inside it kept ("don't"), compared in lower case.
/// </summary>
public sealed class WordList
{
    private readonly HashSet<string> _words;
    private readonly HashSet<(string, string, string)> _triples;

    private WordList(HashSet<string> words, HashSet<(string, string, string)> triples)
    {
        _words = words;
        _triples = triples;
    }

    public int Count => _words.Count;

    public static WordList FromText(string corpus)
    {
        string[] words = Words(corpus).ToArray();
        return new WordList(words.ToHashSet(StringComparer.Ordinal), Triples(words).ToHashSet());
    }

    public bool Contains(string word) => _words.Contains(word);

    /// <summary>Whether the corpus has these three words in a row somewhere (punctuation between them ignored).</summary>
    public bool Contains((string, string, string) triple) => _triples.Contains(triple);

    /// <summary>Every run of three consecutive words.</summary>
    public static IEnumerable<(string, string, string)> Triples(IReadOnlyList<string> words)
    {
        for (int i = 2; i < words.Count; i++)
        {
            yield return (words[i - 2], words[i - 1], words[i]);
        }
    }

    /// <summary>The words of <paramref name="text"/> in order, lower-cased.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            bool innerApostrophe = c == '\'' && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]);
            if (char.IsLetter(c) || innerApostrophe)
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }
}
