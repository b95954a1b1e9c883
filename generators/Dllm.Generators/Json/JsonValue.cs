using Microsoft.CodeAnalysis.Text;

namespace Dllm.Generators.Json;

/// <summary>A parsed JSON value and where it sits in the file, so diagnostics can point at it.</summary>
internal sealed class JsonValue
{
    private static readonly Dictionary<string, JsonValue> NoMembers = new(StringComparer.Ordinal);

    private JsonValue(JsonKind kind, TextSpan span, string text, Dictionary<string, JsonValue> members)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Members = members;
    }

    public JsonKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>A string's decoded value, or a number's text as written; empty for other kinds.</summary>
    public string Text { get; }

    /// <summary>An object's members by key (keys are unique: the reader rejects duplicates).</summary>
    public IReadOnlyDictionary<string, JsonValue> Members { get; }

    /// <summary>The value as written, shortened for messages.</summary>
    public string Describe(string source)
    {
        const int MaxLength = 40;
        string raw = source.Substring(Span.Start, Span.Length);
        return raw.Length <= MaxLength ? raw : raw.Substring(0, MaxLength) + "...";
    }

    public static JsonValue Object(TextSpan span, Dictionary<string, JsonValue> members) =>
        new(JsonKind.Object, span, string.Empty, members);

    /// <summary>An array; no config key the generator reads is an array, so its items are checked but not kept.</summary>
    public static JsonValue Array(TextSpan span) =>
        new(JsonKind.Array, span, string.Empty, NoMembers);

    public static JsonValue String(TextSpan span, string value) =>
        new(JsonKind.String, span, value, NoMembers);

    public static JsonValue Number(TextSpan span, string text) =>
        new(JsonKind.Number, span, text, NoMembers);

    public static JsonValue Literal(JsonKind kind, TextSpan span) =>
        new(kind, span, string.Empty, NoMembers);
}
