namespace Dllm.Cli.Commands;

/// <summary>What `dllm generate` was asked to do, as plain values (no parser types).</summary>
public sealed class GenerateSettings
{
    /// <summary>The model folder, or null for the embedded model.</summary>
    public string? ModelDirectory { get; set; }
    public string? Prompt { get; set; }
    public string? PromptIds { get; set; }
    /// <summary>Apply the chat template to a text prompt: null means when the model has one.</summary>
    public bool? Chat { get; set; }
    public GenerateOptions Options { get; set; } = new();
    /// <summary>--gen-length when given; null: the model's generation_config.json max_new_tokens, else <see cref="Options"/>'s.</summary>
    public int? GenLength { get; set; }
    /// <summary>--top-k as typed: a number, "none", or null when not given.</summary>
    public string? TopK { get; set; }
    public bool Json { get; set; }
    /// <summary>--device: cpu, cuda or auto (<see cref="DeviceBackend"/>).</summary>
    public string Device { get; set; } = DeviceBackend.Cpu;

    /// <summary>The generate options with --top-k applied; a malformed value is an invalid-request error.</summary>
    public GenerateOptions ResolveOptions() => Commands.TopK.Apply(Options, TopK);
}
