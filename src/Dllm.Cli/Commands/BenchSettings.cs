namespace Dllm.Cli.Commands;

/// <summary>What `dllm bench` was asked to do, as plain values (no parser types).</summary>
public sealed class BenchSettings
{
    /// <summary>A model folder; null with no <see cref="Shape"/> means the embedded model.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>A reference shape ("llada-8b", "dream-7b") with random weights, instead of a folder.</summary>
    public string? Shape { get; set; }

    /// <summary>Layers of the random model (null: the shape's own count).</summary>
    public int? Layers { get; set; }

    public int WeightsSeed { get; set; } = 8;

    /// <summary>Write the random model here as a model folder and benchmark it from there (memory-mapped).</summary>
    public string? SaveDirectory { get; set; }

    /// <summary>"mapped", "memory" or "both" (null: mapped for a folder, memory for an unsaved random model).</summary>
    public string? Weights { get; set; }

    public string? PromptIds { get; set; }
    public int PromptLength { get; set; } = 8;
    public GenerateOptions Options { get; set; } = new();
    public int? GenLength { get; set; }
    public string? TopK { get; set; }

    /// <summary>Timed requests per weights copy (the best counts).</summary>
    public int Repeat { get; set; } = 3;

    /// <summary>Untimed requests first (JIT, page faults).</summary>
    public int Warmup { get; set; } = 1;

    public bool Json { get; set; }
}
