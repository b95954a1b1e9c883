using Dllm.Cli.Models;
using Dllm.Cli.Rendering;
using Dllm.Core.Errors;
using Dllm.Gpu.Cuda;

namespace Dllm.Cli.Commands;

/// <summary>Runs `dllm generate` from its settings; returns the process exit code.</summary>
public static class GenerateRunner
{
    public static int Run(GenerateSettings settings, TextWriter output, TextWriter error) => CliErrors.Report(error, () =>
    {
        if ((settings.Prompt is null) == (settings.PromptIds is null))
        {
            throw new InvalidRequestException("Give the prompt either as text (dllm generate \"Why is the sky blue?\") or as --prompt-ids 5,17,42.");
        }
        if (settings.PromptIds is not null && settings.Chat is not null)
        {
            throw new InvalidRequestException("--chat applies to text prompts; --prompt-ids are given to the model as they are.");
        }
        int[]? promptIds = settings.PromptIds is null ? null : PromptIdsParser.Parse(settings.PromptIds);
        GenerateOptions requested = settings.ResolveOptions();
        string modelDirectory = settings.ModelDirectory ?? EmbeddedModel.Directory();
        using PtxBackend? device = DeviceBackend.Open(settings.Device, error);
        using DllmEngine engine = DllmEngine.Load(modelDirectory, device);
        GenerateOptions options = GenLength.Resolve(requested, settings.GenLength, engine.GenerationDefaults);
        // A text prompt's token count is at most its UTF-8 length, plus what a chat template adds.
        int promptBound = promptIds?.Length ?? System.Text.Encoding.UTF8.GetByteCount(settings.Prompt!) + DeviceBackend.PromptAllowance;
        DeviceBackend.EnsureFits(device, engine.Config, modelDirectory, promptBound + options.GenLength);
        string backend = engine.Backend.Name;
        if (promptIds is not null)
        {
            GenerationResult result = engine.Generate(promptIds, options);
            if (settings.Json)
            {
                GenerationJson.Write(output, result, backend, engine.Kernels);
                return;
            }
            output.WriteLine(string.Join(",", result.Ids));
            error.WriteLine(GenerationSummary.Format(result, backend, engine.Kernels));
            return;
        }
        if (engine.Tokenizer is null)
        {
            throw new InvalidRequestException(
                $"{modelDirectory} has no tokenizer (tokenizer.json, or vocab.json + merges.txt), so a text prompt cannot be encoded; pass --prompt-ids instead.");
        }
        if (settings.Json)
        {
            TextGenerationResult text = engine.GenerateText(settings.Prompt!, options, settings.Chat);
            GenerationJson.Write(output, text.Generation, backend, engine.Kernels, text.Text);
            return;
        }
        // Text streams to stdout as the answer settles left to right; the cost summary goes to stderr.
        TextGenerationResult streamed = engine.GenerateText(settings.Prompt!, options, settings.Chat, piece =>
        {
            output.Write(piece);
            output.Flush();
        });
        output.WriteLine();
        error.WriteLine(GenerationSummary.Format(streamed.Generation, backend, engine.Kernels));
    });
}
