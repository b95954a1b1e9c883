using Dllm.Evaluation.Text;

namespace Dllm.Tests.Evaluation;

public sealed class TextQualityTests
{
    [Fact]
    public void Words_are_lower_cased_letter_runs_that_keep_inner_apostrophes()
    {
        Assert.Equal(["don't", "panic", "it's"], WordList.Words("Don't PANIC -- it's 42!"));
        Assert.Equal(["rock", "n", "roll"], WordList.Words("'rock' n' roll"));
        Assert.Empty(WordList.Words("42 -- ... '"));
    }

    [Fact]
    public void Known_words_and_distinct_pairs_are_counted_over_all_samples()
    {
        WordList reference = WordList.FromText("The cat sat on the mat. The dog didn't.");
        Assert.Equal(7, reference.Count);

        TextQuality quality = TextQuality.Measure(["the cat sat sat", "The zorp the zorp"], reference);

        Assert.Equal(2, quality.Samples);
        Assert.Equal(8, quality.Words);
        Assert.Equal(6, quality.KnownWords);          // "zorp" twice is unknown
        Assert.Equal(6, quality.Bigrams);             // 3 per sample, none across samples
        Assert.Equal(5, quality.DistinctBigrams);     // "the zorp" repeats
        Assert.Equal(0.75, quality.KnownWordShare);
    }

    [Fact]
    public void Runs_of_three_words_count_as_known_only_where_the_corpus_has_them_in_that_order()
    {
        WordList reference = WordList.FromText("The cat sat on the mat. The dog didn't.");

        TextQuality quality = TextQuality.Measure(["The cat, sat on", "the mat the dog", "cat the sat"], reference);

        Assert.Equal(5, quality.Triples);             // 2 + 2 + 1; none across samples
        Assert.Equal(4, quality.KnownTriples);        // across the sentence break "the mat the dog" is in the corpus; "cat the sat" is not
        Assert.Equal(0.8, quality.KnownTripleShare, 12);
        Assert.True(reference.Contains(("the", "dog", "didn't")));
        Assert.False(reference.Contains(("dog", "the", "cat")));
    }

    [Fact]
    public void No_words_scores_zero_not_nan()
    {
        TextQuality quality = TextQuality.Measure(["", "..."], WordList.FromText("word"));
        Assert.Equal(0, quality.KnownWordShare);
        Assert.Equal(0, quality.DistinctBigramShare);
        Assert.Equal(0, quality.KnownTripleShare);
    }
}
