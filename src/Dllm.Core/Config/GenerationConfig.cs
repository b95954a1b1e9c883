using System.Text.Json;
using Dllm.Core.Errors;

namespace Dllm.Core.Config;

/// <summary>
/// What dllm takes from a model folder's optional <c>generation_config.json</c> (Hugging Face's
/// defaults for generate): <c>max_new_tokens</c>, the answer length used when a request names none.
/// </summary>
public sealed record GenerationConfig
{
    public const string FileName = "generation_config.json";

    public static GenerationConfig None { get; } = new();

    /// <summary>Default number of tokens to generate; null when the file or the key is absent.</summary>
    public int? MaxNewTokens { get; init; }

    /// <summary>The folder's generation config, or <see cref="None"/> when it has no such file.</summary>
    public static GenerationConfig Read(string directory)
    {
        string path = Path.Combine(Path.GetFullPath(directory), FileName);
        if (!File.Exists(path))
        {
            return None;
        }
        using JsonDocument document = ConfigJson.ParseObject(path);
        int? maxNewTokens = new ConfigReader(document.RootElement, path).OptionalInt("max_new_tokens");
        return maxNewTokens is < 1
            ? throw new ModelConfigException(path, $"'max_new_tokens' must be at least 1, found {maxNewTokens}")
            : new GenerationConfig { MaxNewTokens = maxNewTokens };
    }
}
