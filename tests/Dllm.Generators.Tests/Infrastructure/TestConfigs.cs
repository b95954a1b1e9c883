using Microsoft.CodeAnalysis;

namespace Dllm.Generators.Tests.Infrastructure;

/// <summary>Small configs for generator tests, and where things sit in them.</summary>
internal static class TestConfigs
{
    /// <summary>A valid LLaDA config with the tiny fixture's shape, only the keys the shape needs.</summary>
    public const string Llada = """
        {
          "model_type": "llada",
          "d_model": 64,
          "n_heads": 4,
          "n_kv_heads": 4,
          "n_layers": 2,
          "mlp_hidden_size": 176,
          "vocab_size": 320
        }
        """;

    /// <summary>A valid Dream config with the tiny fixture's shape.</summary>
    public const string Dream = """
        {
          "model_type": "Dream",
          "hidden_size": 64,
          "num_attention_heads": 4,
          "num_key_value_heads": 2,
          "num_hidden_layers": 2,
          "intermediate_size": 176,
          "vocab_size": 320
        }
        """;

    /// <summary>A config file as the generator sees it: under a folder named Specializations.</summary>
    public static AdditionalText File(string name, string json) =>
        new InMemoryAdditionalText(Path.Combine("models", "Specializations", name), json);

    /// <summary>The zero-based line and column where <paramref name="needle"/> first occurs.</summary>
    public static (int Line, int Column) PositionOf(string json, string needle)
    {
        int offset = json.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{needle}' is not in the test config");
        int lineStart = json.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        return (json.AsSpan(0, offset).Count('\n'), offset - lineStart);
    }
}
