namespace Dllm.Evaluation.Text;

/// <summary>
/// Two plain measures of generated text: how many of its words a reference corpus knows (invented
/// words and broken pieces of words count against it), and how many of its adjacent word pairs are
/// distinct (a model stuck on "the the the" scores low). Neither says the text makes sense; together
/// they separate English-like text from token soup.
/// </summary>
public sealed record TextQuality(int Samples, int Words, int KnownWords, int Bigrams, int DistinctBigrams)
{
    public double KnownWordShare => Words == 0 ? 0 : (double)KnownWords / Words;

    public double DistinctBigramShare => Bigrams == 0 ? 0 : (double)DistinctBigrams / Bigrams;

    public static TextQuality Measure(IReadOnlyList<string> texts, WordList reference)
    {
        int words = 0, known = 0, bigrams = 0;
        var distinct = new HashSet<(string, string)>();
        foreach (string text in texts)
        {
            string? previous = null;
            foreach (string word in WordList.Words(text))
            {
                words++;
                known += reference.Contains(word) ? 1 : 0;
                if (previous is not null)
                {
                    bigrams++;
                    distinct.Add((previous, word));
                }
                previous = word;
            }
        }
        return new TextQuality(texts.Count, words, known, bigrams, distinct.Count);
    }
}
