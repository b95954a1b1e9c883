using System.CommandLine;

namespace Dllm.Cli.Commands;

/// <summary>`dllm generate`: the flags and their mapping onto <see cref="GenerateSettings"/>.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var prompt = new Argument<string?>("prompt") { Description = "Prompt text (needs the model's tokenizer); the answer is printed as text as it settles.", Arity = ArgumentArity.ZeroOrOne };
        var model = ModelOption.Create();
        var promptIds = new Option<string?>("--prompt-ids") { Description = "Prompt as comma-separated token ids, e.g. 5,17,42." };
        var chat = ChatOption.Create();
        var device = DeviceOption.Create();
        var decoding = new DecodingOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object: ids, text (for a text prompt), forward_calls, tokens_per_call, elapsed_ms, decoder, backend, cpu_path (null on a GPU), kernels (\"generic\" or \"specialized:<config>\")." };

        var command = new Command("generate", "Generate tokens with the model's reference decoder, or a faster lossless one.")
        {
            prompt, model, promptIds, chat,
        };
        decoding.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(device);
        command.SetAction(parse => GenerateRunner.Run(new GenerateSettings
        {
            Prompt = parse.GetValue(prompt),
            ModelDirectory = parse.GetValue(model),
            PromptIds = parse.GetValue(promptIds),
            Chat = ChatOption.Read(parse, chat),
            Json = parse.GetValue(json),
            Device = parse.GetValue(device)!,
            TopK = decoding.ReadTopK(parse),
            Options = decoding.Read(parse),
            GenLength = decoding.ReadGenLength(parse),
        }, Console.Out, Console.Error));
        return command;
    }
}
