namespace Dllm.Evaluation.Text;

/// <summary>
/// Plain measures of generated text: how many of its words a reference corpus knows (invented words
/// and broken pieces of words count against it), how many of its runs of three words the corpus also
/// has (word salad and broken grammar count against it; text that reads like the corpus scores high),
/// and how many of its adjacent word pairs are distinct (a model stuck on "the the the" scores low).
/// None says the text makes sense; together they separate corpus-like text from token soup.
/// </summary>
public sealed record TextQuality(int Samples, int Words, int KnownWords, int Triples, int KnownTriples, int Bigrams, int DistinctBigrams)
{
    public double KnownWordShare => Words == 0 ? 0 : (double)KnownWords / Words;

    public double KnownTripleShare => Triples == 0 ? 0 : (double)KnownTriples / Triples;

    public double DistinctBigramShare => Bigrams == 0 ? 0 : (double)DistinctBigrams / Bigrams;

    public static TextQuality Measure(IReadOnlyList<string> texts, WordList reference)
    {
        int words = 0, known = 0, triples = 0, knownTriples = 0, bigrams = 0;
        var distinct = new HashSet<(string, string)>();
        foreach (string text in texts)
        {
            string[] sample = WordList.Words(text).ToArray();
            words += sample.Length;
            known += sample.Count(reference.Contains);
            for (int i = 1; i < sample.Length; i++)
            {
                bigrams++;
                distinct.Add((sample[i - 1], sample[i]));
            }
            foreach ((string, string, string) triple in WordList.Triples(sample))
            {
                triples++;
                knownTriples += reference.Contains(triple) ? 1 : 0;
            }
        }
        return new TextQuality(texts.Count, words, known, triples, knownTriples, bigrams, distinct.Count);
    }
}
