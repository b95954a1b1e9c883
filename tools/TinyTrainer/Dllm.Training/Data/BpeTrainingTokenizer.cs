using System.Security.Cryptography;
using Dllm.Tokenizers;
using Dllm.Tokenizers.Loading;
using Dllm.Tokenizers.Templates;
using Dllm.Training.Tokenization;

namespace Dllm.Training.Data;

/// <summary>
/// A tokenizer folder written by the <c>tokenizer</c> command (tokenizer.json + tokenizer_config.json),
/// read with the engine's own tokenizer, so training ids are the ids the engine later sees. Task
/// prompts go through the folder's chat template as a user turn, as the engine's chat mode renders them.
/// </summary>
public sealed class BpeTrainingTokenizer : ITrainingTokenizer
{
    private readonly string _directory;
    private readonly Tokenizer _tokenizer;

    private BpeTrainingTokenizer(string directory)
    {
        _directory = directory;
        _tokenizer = Tokenizer.FromDirectory(directory);
        EndOfTextId = SpecialId(SpecialTokenNames.EndOfText);
        MaskId = SpecialId(SpecialTokenNames.Mask);
        byte[] hash = SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, Tokenizer.TokenizerJson)));
        Name = "bpe-" + Convert.ToHexStringLower(hash)[..16];
    }

    public static BpeTrainingTokenizer FromDirectory(string directory) => new(directory);

    /// <summary>"bpe-" and the start of tokenizer.json's SHA-256: a resumed run must find the same vocabulary.</summary>
    public string Name { get; }

    public int VocabSize => _tokenizer.IdCount;

    public int EndOfTextId { get; }

    public int MaskId { get; }

    public int[] Encode(string text) => _tokenizer.Encode(text);

    public string Decode(ReadOnlySpan<int> ids) => _tokenizer.Decode(ids, skipSpecialTokens: true);

    public string FormatPrompt(string prompt) =>
        _tokenizer.ChatTemplate is { } template ? template.Render([new ChatMessage("user", prompt)], addGenerationPrompt: true) : prompt;

    public void WriteFiles(string directory)
    {
        foreach (string file in (string[])[Tokenizer.TokenizerJson, TokenizerConfig.FileName])
        {
            string source = Path.Combine(_directory, file);
            if (File.Exists(source) && Path.GetFullPath(_directory) != Path.GetFullPath(directory))
            {
                File.Copy(source, Path.Combine(directory, file), overwrite: true);
            }
        }
    }

    private int SpecialId(string token) =>
        _tokenizer.TokenToId(token) ?? throw new InvalidDataException($"{Path.Combine(_directory, Tokenizer.TokenizerJson)} has no {token} token.");
}
