namespace Dllm.Training.Data;

/// <summary>What training needs from a tokenizer: text to ids and back, the two special ids, and its files.</summary>
public interface ITrainingTokenizer
{
    /// <summary>Names the tokenizer in a checkpoint's side file, so a run resumes with the same one.</summary>
    string Name { get; }

    /// <summary>Ids run from 0 to VocabSize − 1; the model's embedding has this many rows.</summary>
    int VocabSize { get; }

    /// <summary>End of text: closes an answer and pads the rest of its canvas.</summary>
    int EndOfTextId { get; }

    /// <summary>The mask token of the diffusion objective.</summary>
    int MaskId { get; }

    int[] Encode(string text);

    /// <summary>Text of the ids, special tokens left out.</summary>
    string Decode(ReadOnlySpan<int> ids);

    /// <summary>A task prompt as the model sees it (through the chat template, when there is one).</summary>
    string FormatPrompt(string prompt);

    /// <summary>Writes the tokenizer's files into a checkpoint folder, so the folder is a complete model (nothing for a tokenizer without files).</summary>
    void WriteFiles(string directory);
}
