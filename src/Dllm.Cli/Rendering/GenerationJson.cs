using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dllm.Cli.Rendering;

/// <summary>The `--json` output: one object per run, written by hand (no reflection, AOT-safe).</summary>
public static class GenerationJson
{
    /// <summary>
    /// Writes the object; <paramref name="text"/> (the decoded answer of a text prompt) is included when given.
    /// <paramref name="kernels"/> says which kernels ran the blocks ("generic" or "specialized:Name").
    /// </summary>
    public static void Write(TextWriter output, GenerationResult result, string backendName, string kernels, string? text = null)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps generated text readable (non-ASCII as is); the output is still valid JSON.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("ids");
            foreach (int id in result.Ids)
            {
                json.WriteNumberValue(id);
            }
            json.WriteEndArray();
            if (text is not null)
            {
                json.WriteString("text", text);
            }
            json.WriteNumber("forward_calls", result.Stats.ForwardCalls);
            json.WriteNumber("tokens_per_call", Math.Round(result.Stats.TokensPerCall, 4));
            json.WriteNumber("elapsed_ms", Math.Round(result.Stats.Elapsed.TotalMilliseconds, 3));
            json.WriteString("decoder", result.Decoder);
            WriteBackend(json, backendName);
            json.WriteString("kernels", kernels);
            json.WriteNumber("rows_computed", result.Stats.RowsComputed);
            if (result.Stats.StepsPerCallHistogram.Count > 0)
            {
                // How many static steps each verifying call advanced: FreeDave's accepted-draft histogram.
                json.WriteStartObject("accepted_steps_per_call");
                foreach (var (steps, calls) in result.Stats.StepsPerCallHistogram)
                {
                    json.WriteNumber(steps.ToString(System.Globalization.CultureInfo.InvariantCulture), calls);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// "backend": where the model ran ("cpu/Vector512", "cuda/ptx"); "cpu_path": the SIMD path of the CPU
    /// backend ("Vector512"), null on a GPU.
    /// </summary>
    public static void WriteBackend(Utf8JsonWriter json, string backendName)
    {
        json.WriteString("backend", backendName);
        if (backendName.StartsWith(CpuPrefix, StringComparison.Ordinal))
        {
            json.WriteString("cpu_path", backendName[CpuPrefix.Length..]);
        }
        else
        {
            json.WriteNull("cpu_path");
        }
    }

    private const string CpuPrefix = "cpu/";
}
