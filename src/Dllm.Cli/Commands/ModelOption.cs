using System.CommandLine;

namespace Dllm.Cli.Commands;

/// <summary>The <c>--model</c> flag: a Hugging Face model folder, or absent for the model built into dllm.</summary>
public static class ModelOption
{
    public static Option<string?> Create() => new("--model", "-m")
    {
        Description = "Hugging Face model folder (config.json, *.safetensors, tokenizer files). Default: the small model built into dllm.",
    };
}
