extern alias generator;
using System.Collections.Immutable;
using generator::Dllm.Generators.Model;
using generator::Dllm.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;
using static Dllm.Generators.Tests.Infrastructure.TestConfigs;

namespace Dllm.Generators.Tests;

/// <summary>
/// The pipeline caches only if re-reading an unchanged config gives an equal value: these pin value
/// equality for every kind of parse result and for the plan.
/// </summary>
public sealed class SpecEqualityTests
{
    public static TheoryData<string> Configs => new()
    {
        Llada,
        Dream,
        Llada.Replace("\"d_model\": 64", "\"d_model\": 72", StringComparison.Ordinal), // not specialized (info)
        Llada.Replace("\"n_kv_heads\": 4", "\"n_kv_heads\": 3", StringComparison.Ordinal), // invalid
        "{ not json",
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Reading_the_same_text_twice_gives_equal_results(string json)
    {
        ConfigParseResult first = Parse(json);
        ConfigParseResult second = Parse(json);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Reading_a_different_shape_gives_a_different_result()
    {
        Assert.NotEqual(Parse(Llada), Parse(Llada.Replace("\"n_layers\": 2", "\"n_layers\": 3", StringComparison.Ordinal)));
    }

    [Fact]
    public void Planning_the_same_specializations_twice_gives_equal_plans()
    {
        ImmutableArray<Specialization> specializations =
            [Parse(Llada, "llada.json").Specialization!, Parse(Dream, "dream.json").Specialization!, Parse(Llada, "copy.json").Specialization!];

        SpecializationPlan first = SpecializationPlan.From(specializations);
        SpecializationPlan second = SpecializationPlan.From(specializations.Reverse().ToImmutableArray());

        Assert.Equal(first, second);
        Assert.Equal(2, first.Specializations.Count);
        Assert.Equal(1, first.Diagnostics.Count);
    }

    private static ConfigParseResult Parse(string json, string fileName = "config.json") =>
        ConfigParser.Parse(File(fileName, json).Path, SourceText.From(json));
}
