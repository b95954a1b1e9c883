using Dllm.Cli.Models;
using System.CommandLine;
using Dllm.Core.Errors;
using Dllm.Tokenizers;

namespace Dllm.Cli.Commands;

/// <summary>`dllm tokenize`: prints the ids a text encodes to with a model's tokenizer (for debugging prompts and templates).</summary>
public static class TokenizeCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "Text to encode." };
        var model = ModelOption.Create();
        var chat = ChatOption.Create();
        var command = new Command("tokenize", "Print the token ids of a text, comma-separated (the form --prompt-ids takes).") { text, model, chat };
        command.SetAction(parse => Run(parse.GetValue(model), parse.GetValue(text)!, ChatOption.Read(parse, chat), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Encodes <paramref name="text"/> (through the chat template when <paramref name="chat"/> says so) and prints the ids.</summary>
    public static int Run(string? modelDirectory, string text, bool? chat, TextWriter output, TextWriter error) => CliErrors.Report(error, () =>
    {
        Tokenizer tokenizer = Tokenizer.FromDirectory(modelDirectory ?? EmbeddedModel.Directory());
        // Plain text by default here: tokenize shows what the text itself encodes to unless --chat is given.
        output.WriteLine(string.Join(",", tokenizer.Encode(ChatPrompt.Format(tokenizer, text, chat ?? false))));
    });
}
