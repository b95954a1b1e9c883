using System.Text.Json;
using System.Text.Json.Nodes;
using Dllm.Core.Config;
using Dllm.Core.SafeTensors;

namespace Dllm.Models.Common;

/// <summary>
/// Writes weights held in memory as a Hugging Face model folder: config.json and one model.safetensors
/// (tensors in name order), which <see cref="DiffusionModel.Load"/> then maps like any downloaded model.
/// </summary>
public static class ModelFolderWriter
{
    public static void Write(string directory, JsonObject config, InMemoryWeights weights)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weights);
        Directory.CreateDirectory(directory);
        var writer = new SafeTensorsWriter();
        weights.AddTo(writer);
        writer.Write(Path.Combine(directory, Checkpoint.SingleFileName));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            config.WriteTo(json);
        }
        File.WriteAllBytes(Path.Combine(directory, ConfigJson.FileName), stream.ToArray());
    }
}
