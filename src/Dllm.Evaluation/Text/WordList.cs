using System.Globalization;
using System.Text;

namespace Dllm.Evaluation.Text;

/// <summary>
/// The words a corpus uses, to tell real words from invented ones in generated text. A word is a
/// maximal run of letters, with apostrophes inside it kept ("don't"), compared in lower case.
/// </summary>
public sealed class WordList
{
    private readonly HashSet<string> _words;

    private WordList(HashSet<string> words) => _words = words;

    public int Count => _words.Count;

    public static WordList FromText(string corpus) => new(Words(corpus).ToHashSet(StringComparer.Ordinal));

    public bool Contains(string word) => _words.Contains(word);

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
