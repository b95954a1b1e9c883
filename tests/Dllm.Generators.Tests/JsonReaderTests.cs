extern alias generator;
using System.Text.Json;
using generator::Dllm.Generators.Json;

namespace Dllm.Generators.Tests;

/// <summary>The generator's JSON reader, held to System.Text.Json's default (strict) behaviour.</summary>
public sealed class JsonReaderTests
{
    public static TheoryData<string> Documents => new()
    {
        "{}", "[]", "  {\"a\": 1}\r\n", "{\"a\":[1,2,{\"b\":null}],\"c\":{\"d\":[true,false]}}",
        "0", "-0", "12", "-1.5e10", "1E-5", "1e+5", "1e400", "01", "-", "1.", ".5", "1e", "+1", "- 1", "0x10", "NaN", "Infinity",
        "\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u00e9\\uD83D\\uDE00\"", "\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "\"tab\there\"", "\"unterminated",
        "true", "false", "null", "tru", "nul", "True", "nulls",
        "{\"a\":1,}", "[1,]", "[,1]", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1}}", "{\"a\":1} x", "{\"a\":1}{}", "[1 2]",
        "// comment\n{}", "/* comment */{}", "", "   ", "{", "[", "{\"a\"", "{\"a\":",
        new string('[', 64) + new string(']', 64), new string('[', 65) + new string(']', 65),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Accepts_exactly_what_System_Text_Json_accepts(string json)
    {
        Assert.Equal(SystemTextJsonAccepts(json), ReaderAccepts(json));
    }

    [Theory]
    [InlineData("\"plain\"")]
    [InlineData("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\u00e9\\u0041\\uD83D\\uDE00\"")]
    [InlineData("\"caf\u00e9 \u4e2d\"")]
    public void Decodes_strings_as_System_Text_Json_does(string json)
    {
        using JsonDocument expected = JsonDocument.Parse(json);

        Assert.Equal(expected.RootElement.GetString(), JsonReader.Parse(json).Text);
    }

    [Fact]
    public void Rejects_a_duplicate_key_at_its_second_occurrence()
    {
        const string Json = "{\"a\": 1, \"a\": 2}";

        JsonSyntaxException error = Assert.Throws<JsonSyntaxException>(() => JsonReader.Parse(Json));

        Assert.Equal(Json.LastIndexOf("\"a\"", StringComparison.Ordinal), error.Offset);
    }

    [Fact]
    public void Records_where_each_value_sits()
    {
        const string Json = "{\"name\": \"x\", \"size\": [1, 2], \"ok\": true}";

        JsonValue root = JsonReader.Parse(Json);

        Assert.Equal(JsonKind.Object, root.Kind);
        Assert.Equal(Json.Length, root.Span.Length);
        Assert.Equal("\"x\"", Json.Substring(root.Members["name"].Span.Start, root.Members["name"].Span.Length));
        Assert.Equal("[1, 2]", Json.Substring(root.Members["size"].Span.Start, root.Members["size"].Span.Length));
        Assert.Equal(JsonKind.True, root.Members["ok"].Kind);
    }

    private static bool SystemTextJsonAccepts(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ReaderAccepts(string json)
    {
        try
        {
            JsonReader.Parse(json);
            return true;
        }
        catch (JsonSyntaxException)
        {
            return false;
        }
    }
}
