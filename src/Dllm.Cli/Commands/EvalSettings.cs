namespace Dllm.Cli.Commands;

/// <summary>What `dllm eval` was asked to do.</summary>
public sealed class EvalSettings
{
    /// <summary>The model folder, or null for the embedded model.</summary>
    public string? ModelDirectory { get; init; }
    public required string Tasks { get; init; }
    public int Count { get; init; } = 100;
    public int InstanceSeed { get; init; } = 7;
    public GenerateOptions Options { get; init; } = new();
    /// <summary>--gen-length when given; null: the model's generation_config.json max_new_tokens, else <see cref="Options"/>'s.</summary>
    public int? GenLength { get; init; }
    /// <summary>--top-k as typed: a number, "none", or null when not given.</summary>
    public string? TopK { get; init; }
    public bool Json { get; init; }
    /// <summary>--device: cpu, cuda or auto (<see cref="DeviceBackend"/>).</summary>
    public string Device { get; init; } = DeviceBackend.Cpu;
}
