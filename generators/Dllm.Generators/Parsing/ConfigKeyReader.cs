using System.Globalization;
using Dllm.Generators.Diagnostics;
using Dllm.Generators.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dllm.Generators.Parsing;

/// <summary>
/// Typed reads of config.json keys with the engine's rules (Dllm.Core's ConfigReader): JSON null reads
/// like an absent key, integers must be written without fraction or exponent and fit in 32 bits.
/// A problem throws <see cref="ConfigError"/> pointing at the offending value.
/// </summary>
internal sealed class ConfigKeyReader
{
    private readonly JsonValue _root;
    private readonly string _path;
    private readonly SourceText _text;
    private readonly string _source;

    public ConfigKeyReader(JsonValue root, string path, SourceText text, string source)
    {
        _root = root;
        _path = path;
        _text = text;
        _source = source;
        FileName = Path.GetFileName(path);
        if (root.Kind != JsonKind.Object)
        {
            throw Fail(GeneratorDiagnostics.WrongValueType, root.Span, FileName, "the document", "a JSON object", root.Describe(source));
        }
    }

    /// <summary>The config's file name, the first argument of every message.</summary>
    private string FileName { get; }

    public int RequireInt(string key) => OptionalInt(key) ?? throw Missing(key);

    public int? OptionalInt(string key)
    {
        if (!TryGet(key, out JsonValue value))
        {
            return null;
        }
        return value.Kind == JsonKind.Number && int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int result)
            ? result
            : throw WrongType(key, "an integer", value);
    }

    public double Double(string key, double whenAbsent)
    {
        if (!TryGet(key, out JsonValue value))
        {
            return whenAbsent;
        }
        return value.Kind == JsonKind.Number
            ? double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw WrongType(key, "a number", value);
    }

    public bool? OptionalBool(string key)
    {
        if (!TryGet(key, out JsonValue value))
        {
            return null;
        }
        return value.Kind switch
        {
            JsonKind.True => true,
            JsonKind.False => false,
            _ => throw WrongType(key, "true or false", value),
        };
    }

    /// <summary>A boolean switch; null counts as false (Python's None is falsy), absence as the upstream default.</summary>
    public bool Flag(string key, bool whenAbsent) =>
        _root.Members.ContainsKey(key) ? OptionalBool(key) ?? false : whenAbsent;

    /// <summary>A string, or null when the key is absent or null.</summary>
    public string? OptionalString(string key)
    {
        if (!TryGet(key, out JsonValue value))
        {
            return null;
        }
        return value.Kind == JsonKind.String ? value.Text : throw WrongType(key, "a string", value);
    }

    /// <summary>Whether the key is present with a value other than null.</summary>
    public bool IsSet(string key) => TryGet(key, out _);

    /// <summary>A required string; unlike the other reads, null is a wrong type here (as in the engine's model_type check).</summary>
    public string RequireString(string key)
    {
        if (!_root.Members.TryGetValue(key, out JsonValue value))
        {
            throw Missing(key);
        }
        return value.Kind == JsonKind.String ? value.Text : throw WrongType(key, "a string", value);
    }

    /// <summary>A diagnostic about <paramref name="key"/>'s value (or the opening brace when the key is absent).</summary>
    public ConfigError Error(DiagnosticDescriptor descriptor, string key, params string[] args) =>
        Fail(descriptor, _root.Members.TryGetValue(key, out JsonValue value) ? value.Span : OpeningBrace, [FileName, .. args]);

    private bool TryGet(string key, out JsonValue value) =>
        _root.Members.TryGetValue(key, out value!) && value.Kind != JsonKind.Null;

    private ConfigError Missing(string key) => Fail(GeneratorDiagnostics.MissingKey, OpeningBrace, FileName, key);

    private ConfigError WrongType(string key, string expected, JsonValue found) =>
        Fail(GeneratorDiagnostics.WrongValueType, found.Span, FileName, $"'{key}'", expected, found.Describe(_source));

    private TextSpan OpeningBrace => new(_root.Span.Start, 1);

    private ConfigError Fail(DiagnosticDescriptor descriptor, TextSpan span, params string[] args) =>
        new(DiagnosticInfo.Create(descriptor, _path, _text, span, args));
}
