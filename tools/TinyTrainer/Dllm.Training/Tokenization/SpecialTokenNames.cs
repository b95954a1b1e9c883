namespace Dllm.Training.Tokenization;

/// <summary>The special tokens of the trained tokenizer (Qwen2.5's and LLaDA's names), in id order after the vocabulary.</summary>
public static class SpecialTokenNames
{
    public const string EndOfText = "<|endoftext|>";
    public const string TurnStart = "<|im_start|>";
    public const string TurnEnd = "<|im_end|>";
    public const string Mask = "<|mdm_mask|>";

    public static IReadOnlyList<string> All { get; } = [EndOfText, TurnStart, TurnEnd, Mask];
}
