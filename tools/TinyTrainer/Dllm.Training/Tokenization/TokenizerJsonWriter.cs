using System.Text.Encodings.Web;
using System.Text.Json;
using Dllm.Tokenizers;
using Dllm.Tokenizers.PreTokenization;

namespace Dllm.Training.Tokenization;

/// <summary>
/// Writes a trained BPE as a Hugging Face <c>tokenizer.json</c> in Qwen2.5's layout: NFC, the Qwen2
/// split then ByteLevel, BPE with "left right" merges, ByteLevel decoder, special added tokens.
/// </summary>
public static class TokenizerJsonWriter
{
    public static string Write(TrainedBpe bpe, string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, Tokenizer.TokenizerJson);
        File.WriteAllBytes(path, ToUtf8(bpe));
        return path;
    }

    public static byte[] ToUtf8(TrainedBpe bpe)
    {
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteNull("truncation");
            json.WriteNull("padding");
            json.WriteStartArray("added_tokens");
            foreach (string token in bpe.SpecialTokens)
            {
                json.WriteStartObject();
                json.WriteNumber("id", bpe.SpecialTokenId(token));
                WriteSpecialTokenFields(json, token);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("normalizer");
            json.WriteString("type", "NFC");
            json.WriteEndObject();
            json.WriteStartObject("pre_tokenizer");
            json.WriteString("type", "Sequence");
            json.WriteStartArray("pretokenizers");
            json.WriteStartObject();
            json.WriteString("type", "Split");
            json.WriteStartObject("pattern");
            json.WriteString("Regex", SplitScanner.Qwen2Pattern);
            json.WriteEndObject();
            json.WriteString("behavior", "Isolated");
            json.WriteBoolean("invert", false);
            json.WriteEndObject();
            WriteByteLevel(json, null);
            json.WriteEndArray();
            json.WriteEndObject();
            WriteByteLevel(json, "post_processor");
            WriteByteLevel(json, "decoder");
            WriteModel(json, bpe);
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteModel(Utf8JsonWriter json, TrainedBpe bpe)
    {
        json.WriteStartObject("model");
        json.WriteString("type", "BPE");
        json.WriteNull("dropout");
        json.WriteNull("unk_token");
        json.WriteString("continuing_subword_prefix", "");
        json.WriteString("end_of_word_suffix", "");
        json.WriteBoolean("fuse_unk", false);
        json.WriteBoolean("byte_fallback", false);
        json.WriteStartObject("vocab");
        for (int id = 0; id < bpe.Vocabulary.Count; id++)
        {
            json.WriteNumber(bpe.Vocabulary[id], id);
        }
        json.WriteEndObject();
        json.WriteStartArray("merges");
        foreach ((string left, string right) in bpe.Merges)
        {
            json.WriteStringValue($"{left} {right}");
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The fields of a special added token: matched as written, never normalized or stripped.</summary>
    public static void WriteSpecialTokenFields(Utf8JsonWriter json, string token)
    {
        json.WriteString("content", token);
        json.WriteBoolean("single_word", false);
        json.WriteBoolean("lstrip", false);
        json.WriteBoolean("rstrip", false);
        json.WriteBoolean("normalized", false);
        json.WriteBoolean("special", true);
    }

    /// <summary>Qwen2.5's ByteLevel step, as a named property or (name null) an array item.</summary>
    private static void WriteByteLevel(Utf8JsonWriter json, string? name)
    {
        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }
        json.WriteString("type", "ByteLevel");
        json.WriteBoolean("add_prefix_space", false);
        json.WriteBoolean("trim_offsets", false);
        json.WriteBoolean("use_regex", false);
        json.WriteEndObject();
    }
}
