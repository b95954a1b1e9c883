using System.Text.Json;
using Dllm.Core.Errors;

namespace Dllm.Core.Config;

/// <summary>Reads a model directory's config.json and its <c>model_type</c>.</summary>
public static class ConfigJson
{
    public const string FileName = "config.json";

    /// <summary>The model_type and the parsed document (the caller disposes it).</summary>
    public static (string ModelType, JsonDocument Document) Load(string directory)
    {
        string path = Path.Combine(Path.GetFullPath(directory), FileName);
        JsonDocument document = ParseObject(path);
        try
        {
            JsonElement root = document.RootElement;
            if (!root.TryGetProperty("model_type", out JsonElement modelType))
            {
                throw new ModelConfigException(path, "required key 'model_type' is missing");
            }
            if (modelType.ValueKind != JsonValueKind.String)
            {
                throw new ModelConfigException(path, $"'model_type' must be a string, found {modelType.GetRawText()}");
            }
            return (modelType.GetString()!, document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Parses a JSON file whose root must be an object; every failure names the file.</summary>
    internal static JsonDocument ParseObject(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelConfigException(path, "file does not exist");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new ModelConfigException(path, $"not valid JSON: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelConfigException(path, $"cannot read file: {ex.Message}", ex);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            ModelConfigException error = new(path, $"must be a JSON object, found {document.RootElement.ValueKind}");
            document.Dispose();
            throw error;
        }
        return document;
    }
}
