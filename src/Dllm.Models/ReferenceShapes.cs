using System.Text.Json;
using System.Text.Json.Nodes;
using Dllm.Core.Config;
using Dllm.Core.Errors;

namespace Dllm.Models;

/// <summary>
/// The config.json of the released checkpoints dllm is built for, by short name ("llada-8b" is
/// GSAI-ML/LLaDA-8B-Instruct, "dream-7b" is Dream-org/Dream-v0-Instruct-7B), optionally cut to fewer
/// layers: real shapes for benchmarks, without the real weights.
/// </summary>
public static class ReferenceShapes
{
    public static IReadOnlyList<string> Names { get; } = ["llada-8b", "dream-7b"];

    /// <summary>The config.json of <paramref name="name"/> with its layer count set to <paramref name="layers"/> (null: as released).</summary>
    public static JsonObject ConfigJson(string name, int? layers)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name))
        {
            throw new InvalidRequestException($"Unknown model shape '{name}'; known shapes: {string.Join(", ", Names)}.");
        }
        using Stream stream = typeof(ReferenceShapes).Assembly.GetManifestResourceStream($"ReferenceShapes/{name}.json")
            ?? throw new InvalidOperationException($"The config of shape '{name}' is not embedded in {typeof(ReferenceShapes).Assembly.GetName().Name}.");
        JsonObject config = JsonNode.Parse(stream)!.AsObject();
        if (layers is { } count)
        {
            if (count < 1)
            {
                throw new InvalidRequestException($"A model needs at least one layer, not {count}.");
            }
            config[Family(config).NumLayersKey] = count;
        }
        return config;
    }

    /// <summary>The family and parsed config of <paramref name="name"/>, cut to <paramref name="layers"/> layers.</summary>
    public static (IModelFamily Family, TransformerConfig Config) Resolve(string name, int? layers)
    {
        JsonObject json = ConfigJson(name, layers);
        IModelFamily family = Family(json);
        using JsonDocument document = JsonDocument.Parse(json.ToJsonString());
        return (family, family.ParseConfig(document.RootElement, $"{name} ({Core.Config.ConfigJson.FileName})"));
    }

    private static IModelFamily Family(JsonObject config) =>
        ModelRegistry.Resolve(config["model_type"]!.GetValue<string>(), Core.Config.ConfigJson.FileName);
}
