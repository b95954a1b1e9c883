using System.Text.Json;
using Dllm.Core.Config;

namespace Dllm.Training.Checkpoints;

/// <summary>
/// Writes generation_config.json in upstream LLaDA's form, plus <c>max_new_tokens</c>: the answer
/// canvas the model was trained on, which dllm uses when a request gives no --gen-length.
/// </summary>
public static class GenerationConfigFile
{
    public static void Write(string directory, TransformerConfig config, int answerLength)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("_from_model_config", true);
            json.WriteNumber("eos_token_id", config.EosTokenId);
            json.WriteNumber("max_new_tokens", answerLength);
            json.WriteNumber("pad_token_id", config.PadTokenId);
            json.WriteEndObject();
        }
        File.WriteAllBytes(Path.Combine(directory, GenerationConfig.FileName), stream.ToArray());
    }
}
