using System.Text.Encodings.Web;
using System.Text.Json;
using Dllm.Tokenizers.Loading;
using static Dllm.Training.Tokenization.SpecialTokenNames;

namespace Dllm.Training.Tokenization;

/// <summary>
/// Writes the <c>tokenizer_config.json</c> that goes with a trained BPE: the named special tokens,
/// <c>added_tokens_decoder</c>, and <see cref="ChatTemplate"/>.
/// </summary>
public static class TokenizerConfigWriter
{
    /// <summary>
    /// A chat template that costs the small model two tokens per turn: a user turn is
    /// <c>&lt;|im_start|&gt;text&lt;|im_end|&gt;</c> (system turns alike), and the assistant's answer follows
    /// directly and ends with <c>&lt;|endoftext|&gt;</c>. The generation prompt therefore adds nothing.
    /// </summary>
    public const string ChatTemplate =
        "{%- for message in messages -%}" +
        "{%- if message['role'] == 'assistant' -%}{{ message['content'] }}" + EndOfText +
        "{%- else -%}" + TurnStart + "{{ message['content'] }}" + TurnEnd +
        "{%- endif -%}" +
        "{%- endfor -%}";

    public static string Write(TrainedBpe bpe, string directory, int modelMaxLength)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, TokenizerConfig.FileName);
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteBoolean("add_bos_token", false);
            json.WriteBoolean("add_eos_token", false);
            json.WriteStartObject("added_tokens_decoder");
            foreach (string token in bpe.SpecialTokens)
            {
                json.WriteStartObject(bpe.SpecialTokenId(token).ToString(System.Globalization.CultureInfo.InvariantCulture));
                TokenizerJsonWriter.WriteSpecialTokenFields(json, token);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartArray("additional_special_tokens");
            json.WriteStringValue(TurnStart);
            json.WriteStringValue(TurnEnd);
            json.WriteEndArray();
            json.WriteNull("bos_token");
            json.WriteString("chat_template", ChatTemplate);
            json.WriteBoolean("clean_up_tokenization_spaces", false);
            json.WriteString("eos_token", EndOfText);
            json.WriteString("mask_token", Mask);
            json.WriteNumber("model_max_length", modelMaxLength);
            json.WriteString("pad_token", EndOfText);
            json.WriteString("tokenizer_class", "PreTrainedTokenizerFast");
            json.WriteEndObject();
        }
        File.WriteAllBytes(path, stream.ToArray());
        return path;
    }
}
