using System.Text.Json.Nodes;
using Dllm.Generators.Tests.Infrastructure;

namespace Dllm.Generators.Tests;

/// <summary>
/// The generator reads a config the way the engine does: the same defaults, fallbacks and derived
/// values, checked on variants of the fixture configs by comparing against the engine's own reader.
/// </summary>
public sealed class EngineParityTests
{
    public static TheoryData<string, string> Variants => new()
    {
        // (shipped config, edits "key=json value" separated by ';', where "key=-" removes the key)
        { "llada-tiny.json", "mlp_hidden_size=-;mlp_ratio=3" },
        { "llada-tiny.json", "mlp_hidden_size=-;mlp_ratio=-" },
        { "llada-tiny.json", "mlp_hidden_size=null;mlp_ratio=null" },
        { "llada-tiny.json", "embedding_size=-" },
        { "llada-tiny.json", "embedding_size=336" },
        { "llada-tiny.json", "n_kv_heads=-;multi_query_attention=true" },
        { "llada-tiny.json", "n_kv_heads=1;multi_query_attention=true" },
        { "llada-tiny.json", "n_kv_heads=-;multi_query_attention=false" },
        { "llada-tiny.json", "n_kv_heads=2" },
        { "llada-tiny.json", "include_qkv_bias=null" },
        { "llada-tiny.json", "include_qkv_bias=true" },
        { "llada-tiny.json", "include_qkv_bias=-" },
        { "llada-tiny.json", "rope_theta=-;rms_norm_eps=-" },
        { "llada-tiny.json", "rope_theta=null;rms_norm_eps=null" },
        { "llada-tiny.json", "rope_theta=10000.000001;rms_norm_eps=0.1e-4" },
        { "dream-tiny.json", "num_key_value_heads=null" },
        { "dream-tiny.json", "num_key_value_heads=-" },
        { "dream-tiny.json", "num_key_value_heads=4" },
        { "dream-tiny.json", "rope_theta=-;rms_norm_eps=-" },
        { "dream-tiny.json", "rope_theta=1E6;rms_norm_eps=1e-5" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_config_variant_generates_what_the_engine_reads(string baseConfig, string edits)
    {
        string json = Edit(File.ReadAllText(ShippedConfigs.PathOf(baseConfig)), edits);

        GeneratorOutcome outcome = GeneratorHarness.Run(TestConfigs.File("variant.json", json));

        Assert.Empty(outcome.Diagnostics);
        outcome.AssertConstantsMatch(outcome.SingleClassName, ShippedConfigs.ReadByEngine(json, "variant.json"));
    }

    private static string Edit(string json, string edits)
    {
        JsonObject config = JsonNode.Parse(json)!.AsObject();
        foreach (string edit in edits.Split(';'))
        {
            string[] parts = edit.Split('=', 2);
            config.Remove(parts[0]);
            if (parts[1] != "-")
            {
                config[parts[0]] = JsonNode.Parse(parts[1]);
            }
        }
        return config.ToJsonString(new() { WriteIndented = true });
    }
}
