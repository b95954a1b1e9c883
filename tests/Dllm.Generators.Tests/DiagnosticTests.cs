using Dllm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using static Dllm.Generators.Tests.Infrastructure.TestConfigs;

namespace Dllm.Generators.Tests;

/// <summary>
/// Each bad config gives its diagnostic, at the place in the file that is wrong, and no class; the
/// table is still written, so the consuming project still compiles.
/// </summary>
public sealed class DiagnosticTests
{
    private const string TableHint = "SpecializationTable.g.cs";

    public static TheoryData<string, string> MalformedJson => new()
    {
        { Llada.Replace("\"vocab_size\": 320", "\"vocab_size\": 320,"), "}" },
        { Llada.Replace("\"d_model\": 64", "\"d_model\" 64"), "64" },
        { Llada.Replace("\"llada\"", "\"lla\\qda\""), "\\q" },
        { Llada.Replace("\"vocab_size\": 320", "\"vocab_size\": 320,\n  \"n_heads\": 8"), "\"n_heads\": 8" },
        { Llada.Replace("\"n_layers\": 2", "\"n_layers\": two"), "two" },
        { Llada + "\n[]", "[]" },
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public void Malformed_JSON_is_reported_at_the_line_and_column_where_reading_stopped(string json, string stoppedAt)
    {
        (int line, int column) = PositionOf(json, stoppedAt);

        AssertSingleError(json, "DLLMGEN001", new LinePosition(line, column));
    }

    [Fact]
    public void An_empty_file_is_malformed_JSON_at_its_start()
    {
        AssertSingleError("", "DLLMGEN001", new LinePosition(0, 0));
    }

    public static TheoryData<string, string> MissingKeys => new()
    {
        { Llada, "n_layers" },
        { Llada, "d_model" },
        { Llada, "model_type" },
        { Dream, "hidden_size" },
        { Dream, "num_attention_heads" },
    };

    [Theory]
    [MemberData(nameof(MissingKeys))]
    public void A_missing_required_key_is_reported_at_the_opening_brace(string config, string key)
    {
        string json = WithoutKey(config, key);

        Diagnostic diagnostic = AssertSingleError(json, "DLLMGEN002", new LinePosition(0, 0));
        Assert.Contains($"'{key}'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> WrongValues => new()
    {
        // (config, key, replacement value, expected id)
        { Llada, "d_model", "\"64\"", "DLLMGEN003" },
        { Llada, "d_model", "64.0", "DLLMGEN003" },
        { Llada, "n_heads", "4e0", "DLLMGEN003" },
        { Llada, "n_layers", "3000000000", "DLLMGEN003" },
        { Llada, "model_type", "3", "DLLMGEN003" },
        { Llada, "model_type", "null", "DLLMGEN003" },
        { Dream, "num_hidden_layers", "[2]", "DLLMGEN003" },
        { Llada, "model_type", "\"llama\"", "DLLMGEN004" },
        { Dream, "model_type", "\"dream\"", "DLLMGEN004" },
        { Llada, "d_model", "66", "DLLMGEN005" },
        { Dream, "hidden_size", "66", "DLLMGEN005" },
        { Llada, "n_kv_heads", "3", "DLLMGEN006" },
        { Dream, "num_key_value_heads", "3", "DLLMGEN006" },
        { Llada, "d_model", "36", "DLLMGEN007" },
        { Dream, "hidden_size", "36", "DLLMGEN007" },
        { Llada, "n_layers", "0", "DLLMGEN008" },
        { Dream, "vocab_size", "-320", "DLLMGEN008" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void A_bad_value_is_reported_at_the_value(string config, string key, string value, string id)
    {
        string json = WithValue(config, key, value);

        AssertSingleError(json, id, ValuePosition(json, key));
    }

    public static TheoryData<string, string, string, string> OptionalKeyAdditions => new()
    {
        // (config, added member, key whose value is reported, expected id)
        { Llada, "\"rms_norm_eps\": -1e-5", "rms_norm_eps", "DLLMGEN008" },
        { Llada, "\"rope_theta\": 0", "rope_theta", "DLLMGEN008" },
        { Dream, "\"rope_theta\": 1e39", "rope_theta", "DLLMGEN008" }, // finite as a double, infinite as the engine's float
        { Llada, "\"multi_query_attention\": true", "n_kv_heads", "DLLMGEN008" },
        { Llada, "\"include_qkv_bias\": \"yes\"", "include_qkv_bias", "DLLMGEN003" },
    };

    [Theory]
    [MemberData(nameof(OptionalKeyAdditions))]
    public void Optional_keys_follow_the_engine_s_rules(string config, string member, string reportedKey, string id)
    {
        string json = WithMember(config, member);

        Diagnostic diagnostic = AssertSingleError(json, id, ValuePosition(json, reportedKey));
        Assert.Contains(reportedKey, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_an_object_has_the_wrong_type()
    {
        AssertSingleError("[1, 2]", "DLLMGEN003", new LinePosition(0, 0));
    }

    /// <summary>A config, a member added to it, the key it is reported at: block features the fused step does not compute.</summary>
    public static TheoryData<string, string, string> UncomputedBlockFeatures => new()
    {
        { Llada, "\"activation_type\": \"gelu\"", "activation_type" },
        { Llada, "\"block_type\": \"sequential\"", "block_type" },
        { Llada, "\"layer_norm_type\": \"default\"", "layer_norm_type" },
        { Llada, "\"alibi\": true", "alibi" },
        { Llada, "\"attention_layer_norm\": true", "attention_layer_norm" },
        { Llada, "\"rope\": false", "rope" },
        { Dream, "\"hidden_act\": \"gelu\"", "hidden_act" },
        { Dream, "\"use_sliding_window\": true", "use_sliding_window" },
        { Dream, "\"rope_scaling\": {\"type\": \"yarn\", \"factor\": 4.0}", "rope_scaling" },
    };

    [Theory]
    [MemberData(nameof(UncomputedBlockFeatures))]
    public void A_block_feature_the_fused_step_does_not_compute_gets_an_info_at_its_value_and_no_class(string config, string member, string key)
    {
        string json = WithMember(config, member);

        GeneratorOutcome outcome = GeneratorHarness.Run(File("other-block.json", json));

        Diagnostic diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("DLLMGEN009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(ValuePosition(json, key), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains(key, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal([TableHint], outcome.HintNames);
        Assert.Empty(outcome.CompileProblems);
    }

    [Theory]
    [InlineData("\"activation_type\": \"silu\"")]
    [InlineData("\"block_type\": \"llama\"")]
    [InlineData("\"rope_scaling\": null")]
    [InlineData("\"alibi\": false")]
    public void The_block_the_fused_step_computes_is_specialized_when_spelled_out(string member)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(File("spelled-out.json", WithMember(Llada, member)));

        Assert.Empty(outcome.Diagnostics);
        Assert.Equal("SpelledOut", outcome.SingleClassName);
    }

    [Fact]
    public void Widths_with_vector_tails_are_specialized_because_the_fused_kernels_share_the_generic_tail_handling()
    {
        // Head dimension 18 and FFN 37: no vector width divides them.
        string json = WithValue(WithValue(Llada, "d_model", "72"), "mlp_hidden_size", "37");

        GeneratorOutcome outcome = GeneratorHarness.Run(File("odd-width.json", json));

        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(outcome.CompileProblems);
        Assert.Equal(18, outcome.Constant("OddWidth", "HeadDim"));
    }

    [Fact]
    public void A_second_config_with_the_same_shape_is_reported_and_not_specialized_twice()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            File("b-copy.json", WithMember(Llada, "\"_name_or_path\": \"copy\"")),
            File("a-original.json", Llada));

        Diagnostic diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("DLLMGEN010", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.EndsWith("b-copy.json", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(["AOriginal.g.cs", TableHint], outcome.HintNames.Order(StringComparer.Ordinal));
        Assert.Empty(outcome.CompileProblems);
    }

    [Fact]
    public void Two_configs_that_would_share_a_class_name_are_reported_and_only_the_first_is_specialized()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            File("llada_tiny.json", WithValue(Llada, "n_layers", "3")),
            File("llada-tiny.json", Llada));

        Diagnostic diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("DLLMGEN010", diagnostic.Id);
        Assert.EndsWith("llada_tiny.json", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(2, outcome.Constant("LladaTiny", "NumLayers"));
        Assert.Empty(outcome.CompileProblems);
    }

    [Fact]
    public void Files_outside_a_Specializations_folder_or_not_json_are_ignored()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            new InMemoryAdditionalText(Path.Combine("models", "config.json"), "not json"),
            new InMemoryAdditionalText(Path.Combine("models", "Specializations", "notes.txt"), "not json"));

        Assert.Empty(outcome.Diagnostics);
        Assert.Equal([TableHint], outcome.HintNames);
    }

    private static Diagnostic AssertSingleError(string json, string id, LinePosition at)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(File("bad.json", json));

        Diagnostic diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith("bad.json", span.Path, StringComparison.Ordinal);
        Assert.Equal(at, span.StartLinePosition);
        Assert.Equal([TableHint], outcome.HintNames);
        Assert.Empty(outcome.CompileProblems);
        return diagnostic;
    }

    private static string WithValue(string json, string key, string value)
    {
        string member = $"\"{key}\": ";
        int start = json.IndexOf(member, StringComparison.Ordinal) + member.Length;
        int end = json.IndexOfAny([',', '\n'], start);
        return json[..start] + value + json[end..];
    }

    private static string WithoutKey(string json, string key) =>
        string.Join('\n', json.Split('\n').Where(line => !line.TrimStart().StartsWith($"\"{key}\":", StringComparison.Ordinal)));

    private static string WithMember(string json, string member) => json.Replace("{\n", "{\n  " + member + ",\n", StringComparison.Ordinal);

    private static LinePosition ValuePosition(string json, string key)
    {
        string member = $"\"{key}\": ";
        (int line, int column) = PositionOf(json, member);
        return new LinePosition(line, column + member.Length);
    }
}
