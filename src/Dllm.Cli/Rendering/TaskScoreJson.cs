using System.Text.Encodings.Web;
using System.Text.Json;
using Dllm.Evaluation;

namespace Dllm.Cli.Rendering;

/// <summary>A task score as one JSON object on one line, written by hand (AOT-safe).</summary>
public static class TaskScoreJson
{
    public static void Write(TextWriter output, TaskScore score)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("task", score.Task);
            json.WriteString("decoder", score.Decoder);
            json.WriteNumber("correct", score.Correct);
            json.WriteNumber("count", score.Count);
            json.WriteNumber("accuracy", Math.Round(score.Accuracy, 4));
            json.WriteNumber("forward_calls", score.ForwardCalls);
            json.WriteNumber("tokens_per_call", Math.Round(score.TokensPerCall, 4));
            json.WriteNumber("elapsed_ms", Math.Round(score.Elapsed.TotalMilliseconds, 1));
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
