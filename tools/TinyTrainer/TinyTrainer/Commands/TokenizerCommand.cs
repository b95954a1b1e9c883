using System.CommandLine;
using Dllm.Evaluation.Text;
using Dllm.Training.Data;
using Dllm.Training.Tokenization;
using Dllm.Training;

namespace Dllm.TinyTrainer.Commands;

/// <summary>`tinytrainer tokenizer`: trains a byte-level BPE on text files and writes tokenizer.json.</summary>
public static class TokenizerCommand
{
    public static Command Create()
    {
        var corpus = new Option<string[]>("--corpus") { Description = "Text files; documents end at blank lines or lines holding only %.", Required = true, AllowMultipleArgumentsPerToken = true };
        var vocabSize = new Option<int>("--vocab-size") { Description = "Tokens before the special tokens (256 bytes + merges).", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write tokenizer.json into.", Required = true };
        var command = new Command("tokenizer", "Train a byte-level BPE tokenizer and write it as a Hugging Face tokenizer.json.")
        {
            corpus, vocabSize, output,
        };
        command.SetAction(parse => ToolErrors.Run(() => Run(parse.GetValue(corpus)!, parse.GetValue(vocabSize), parse.GetValue(output)!, Console.Out), Console.Error));
        return command;
    }

    private static int Run(string[] files, int vocabSize, string directory, TextWriter output)
    {
        TrainedBpe bpe = BpeTrainer.Train(files.SelectMany(TextDocuments.Read), vocabSize, BpeTrainer.DefaultSpecialTokens);
        string path = TokenizerJsonWriter.Write(bpe, directory);
        TokenizerConfigWriter.Write(bpe, directory, modelMaxLength: new TrainingSettings().MaxSequenceLength);
        output.WriteLine($"{path}: {bpe.Vocabulary.Count} tokens ({bpe.Merges.Count} merges) + {bpe.SpecialTokens.Count} special tokens");
        return 0;
    }
}
