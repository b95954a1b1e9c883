using Dllm.Core.Config;

namespace Dllm.Cli.Commands;

/// <summary>Which answer length a request decodes: --gen-length, else the model's generation_config.json max_new_tokens, else the options' default.</summary>
public static class GenLength
{
    public static GenerateOptions Resolve(GenerateOptions options, int? requested, GenerationConfig model) =>
        options with { GenLength = requested ?? model.MaxNewTokens ?? options.GenLength };
}
