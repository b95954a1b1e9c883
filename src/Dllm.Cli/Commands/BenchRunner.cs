using Dllm.Cli.Benchmarking;
using Dllm.Cli.Models;
using Dllm.Cli.Rendering;
using Dllm.Core.Config;
using Dllm.Core.Errors;

namespace Dllm.Cli.Commands;

/// <summary>Runs `dllm bench` from its settings; returns the process exit code.</summary>
public static class BenchRunner
{
    public static int Run(BenchSettings settings, TextWriter output, TextWriter error) => CliErrors.Report(error, () =>
    {
        if (settings.Repeat < 1 || settings.Warmup < 0 || settings.PromptLength < 1)
        {
            throw new InvalidRequestException("--repeat and --prompt-length must be at least 1, --warmup at least 0.");
        }
        GenerateOptions requested = TopK.Apply(settings.Options, settings.TopK);
        string? directory = settings.ModelDirectory ?? (settings.Shape is null ? EmbeddedModel.Directory() : null);
        using BenchTarget target = BenchTarget.Open(directory, settings.Shape, settings.Layers, settings.WeightsSeed, settings.SaveDirectory, settings.Weights);
        DllmEngine first = target.Engines[0].Engine;
        GenerateOptions options = GenLength.Resolve(requested, settings.GenLength, first.GenerationDefaults);
        int[] prompt = settings.PromptIds is { } ids ? PromptIdsParser.Parse(ids) : RandomPrompt(first.Config, settings.PromptLength);
        BenchReport report = new RequestBenchmark(target, prompt, options, settings.Repeat, settings.Warmup).Run();
        output.Write(settings.Json ? report.ToJson() : report.ToText());
    });

    /// <summary>Seeded random token ids, none of them the mask or end-of-text id.</summary>
    private static int[] RandomPrompt(TransformerConfig config, int length)
    {
        var random = new Random(length);
        var ids = new int[length];
        for (int i = 0; i < length; i++)
        {
            do
            {
                ids[i] = random.Next(config.VocabSize);
            }
            while (ids[i] == config.MaskTokenId || ids[i] == config.EosTokenId);
        }
        return ids;
    }
}
