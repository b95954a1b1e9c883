using System.Text;
using Dllm.Tokenizers.Bpe;
using Dllm.Tokenizers.Normalization;
using Dllm.Tokenizers.PreTokenization;

namespace Dllm.Training.Tokenization;

/// <summary>
/// Learns byte-level BPE merges from documents the way the engine's tokenizer will read them: NFC,
/// the Qwen2 pre-tokenizer split, UTF-8 bytes in the byte-level alphabet. Each step merges the most
/// frequent adjacent pair (ties: lower left id, then lower right id) until the vocabulary has the
/// requested size or no pair is left. Deterministic for the same documents and size.
/// </summary>
public static class BpeTrainer
{
    public const int ByteCount = 256;

    public static IReadOnlyList<string> DefaultSpecialTokens => SpecialTokenNames.All;

    public static SplitScanner Scanner { get; } = SplitScanner.ForPattern(SplitScanner.Qwen2Pattern)!;

    public static TrainedBpe Train(IEnumerable<string> documents, int vocabSize, IReadOnlyList<string> specialTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, ByteCount);
        if (specialTokens.Any(string.IsNullOrEmpty) || specialTokens.Distinct(StringComparer.Ordinal).Count() != specialTokens.Count)
        {
            throw new ArgumentException("special tokens must be distinct and non-empty", nameof(specialTokens));
        }
        // The standard byte-level order sorts the bytes by their alphabet character ('!' is id 0).
        var tokens = Enumerable.Range(0, ByteCount).Select(b => ByteLevelAlphabet.Encode((byte)b).ToString()).Order(StringComparer.Ordinal).ToList();
        var ids = tokens.Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id, StringComparer.Ordinal);
        int[] byteIds = Enumerable.Range(0, ByteCount).Select(b => ids[ByteLevelAlphabet.Encode((byte)b).ToString()]).ToArray();
        (List<int>[] words, long[] frequencies) = CountWords(documents, byteIds);

        var pairCounts = new Dictionary<(int Left, int Right), long>();
        var pairWords = new Dictionary<(int Left, int Right), HashSet<int>>();
        var changed = new HashSet<(int Left, int Right)>();
        for (int w = 0; w < words.Length; w++)
        {
            CountPairs(w, +1);
        }
        // Lazy deletion: an entry is live while its count is the pair's current count.
        var queue = new PriorityQueue<(int Left, int Right), (long NegativeCount, int Left, int Right)>();
        foreach (((int, int) pair, long count) in pairCounts)
        {
            queue.Enqueue(pair, (-count, pair.Item1, pair.Item2));
        }

        var merges = new List<(string Left, string Right)>();
        while (tokens.Count < vocabSize && queue.TryDequeue(out (int Left, int Right) pair, out var priority))
        {
            if (pairCounts.GetValueOrDefault(pair) != -priority.NegativeCount)
            {
                continue;
            }
            string merged = tokens[pair.Left] + tokens[pair.Right];
            // A string reached by an earlier merge ("ab"+"c" then "a"+"bc") stays one token: the pair is left unmerged.
            if (ids.ContainsKey(merged))
            {
                continue;
            }
            int id = tokens.Count;
            tokens.Add(merged);
            ids.Add(merged, id);
            merges.Add((tokens[pair.Left], tokens[pair.Right]));
            changed.Clear();
            pairWords.Remove(pair, out HashSet<int>? holders);
            foreach (int w in holders!)
            {
                CountPairs(w, -1);
                MergeInWord(words[w], pair, id);
                CountPairs(w, +1);
            }
            foreach ((int, int) touched in changed)
            {
                long current = pairCounts[touched];
                if (current > 0)
                {
                    queue.Enqueue(touched, (-current, touched.Item1, touched.Item2));
                }
                else
                {
                    pairCounts.Remove(touched);
                    pairWords.Remove(touched);
                }
            }
        }
        return new TrainedBpe(tokens, merges, specialTokens.ToArray());

        void CountPairs(int w, int sign)
        {
            List<int> symbols = words[w];
            for (int i = 0; i + 1 < symbols.Count; i++)
            {
                var pair = (symbols[i], symbols[i + 1]);
                pairCounts[pair] = pairCounts.GetValueOrDefault(pair) + sign * frequencies[w];
                changed.Add(pair);
                if (sign > 0)
                {
                    if (!pairWords.TryGetValue(pair, out HashSet<int>? holders))
                    {
                        pairWords[pair] = holders = [];
                    }
                    holders.Add(w);
                }
            }
        }
    }

    /// <summary>The distinct pre-tokenized pieces as byte-symbol ids, in order of first appearance, with their counts.</summary>
    private static (List<int>[] Words, long[] Frequencies) CountWords(IEnumerable<string> documents, int[] byteIds)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var frequencies = new List<long>();
        foreach (string document in documents)
        {
            foreach (string piece in Scanner.Split(Nfc.Normalize(document)))
            {
                if (index.TryGetValue(piece, out int w))
                {
                    frequencies[w]++;
                }
                else
                {
                    index.Add(piece, frequencies.Count);
                    frequencies.Add(1);
                }
            }
        }
        List<int>[] words = index.Keys.Select(piece => Encoding.UTF8.GetBytes(piece).Select(b => byteIds[b]).ToList()).ToArray();
        return (words, frequencies.ToArray());
    }

    /// <summary>Replaces each occurrence of the pair, left to right without overlap, by <paramref name="id"/>.</summary>
    private static void MergeInWord(List<int> symbols, (int Left, int Right) pair, int id)
    {
        int kept = 0;
        for (int i = 0; i < symbols.Count; i++)
        {
            if (i + 1 < symbols.Count && symbols[i] == pair.Left && symbols[i + 1] == pair.Right)
            {
                symbols[kept++] = id;
                i++;
            }
            else
            {
                symbols[kept++] = symbols[i];
            }
        }
        symbols.RemoveRange(kept, symbols.Count - kept);
    }
}
