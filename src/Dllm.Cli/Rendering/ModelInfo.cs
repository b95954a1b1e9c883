using System.Globalization;
using System.Text;
using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Kernels.Specialization;

namespace Dllm.Cli.Rendering;

/// <summary>What `dllm info` prints, as text or as JSON written by hand (no reflection, AOT-safe).</summary>
public sealed record ModelInfo(string Model, TransformerConfig Config, string BackendName, string Kernels, string Image)
{
    private ModelShape Shape => ModelShape.Of(Config);

    private string Fingerprint => "0x" + Shape.Fingerprint.ToString("X16", CultureInfo.InvariantCulture);

    public string ToText()
    {
        ModelShape s = Shape;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"model:       {Model}");
        text.AppendLine(CultureInfo.InvariantCulture, $"model_type:  {Config.ModelType}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"shape:       hidden {s.HiddenSize}, layers {s.NumLayers}, heads {s.NumHeads} (kv {s.NumKvHeads}), head dim {s.HeadDim}, ffn {s.IntermediateSize}, vocab {s.VocabSize}, qkv bias {(s.QkvBias ? "yes" : "no")}, rope theta {s.RopeTheta:R}, rms eps {s.RmsNormEps:R}");
        text.AppendLine(CultureInfo.InvariantCulture, $"fingerprint: {Fingerprint}");
        text.AppendLine(CultureInfo.InvariantCulture, $"kernels:     {Kernels}");
        text.AppendLine(CultureInfo.InvariantCulture, $"backend:     {BackendName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"image:       {Image}");
        return text.ToString();
    }

    public string ToJson()
    {
        ModelShape s = Shape;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("model", Model);
            json.WriteString("model_type", Config.ModelType);
            json.WriteStartObject("shape");
            json.WriteNumber("hidden_size", s.HiddenSize);
            json.WriteNumber("num_layers", s.NumLayers);
            json.WriteNumber("num_heads", s.NumHeads);
            json.WriteNumber("num_kv_heads", s.NumKvHeads);
            json.WriteNumber("head_dim", s.HeadDim);
            json.WriteNumber("intermediate_size", s.IntermediateSize);
            json.WriteNumber("vocab_size", s.VocabSize);
            json.WriteBoolean("qkv_bias", s.QkvBias);
            json.WriteNumber("rope_theta", s.RopeTheta);
            json.WriteNumber("rms_norm_eps", s.RmsNormEps);
            json.WriteEndObject();
            json.WriteString("fingerprint", Fingerprint);
            json.WriteString("kernels", Kernels);
            GenerationJson.WriteBackend(json, BackendName);
            json.WriteString("image", Image);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
