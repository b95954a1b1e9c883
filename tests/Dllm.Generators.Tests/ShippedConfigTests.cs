using Dllm.Generators.Tests.Infrastructure;
using Dllm.Kernels.Specialization;

namespace Dllm.Generators.Tests;

/// <summary>The generator over the configs the repository ships in src/Specializations.</summary>
public sealed class ShippedConfigTests
{
    public static TheoryData<string> Files => new(ShippedConfigs.FileNames());

    [Fact]
    public void All_shipped_configs_generate_together_without_diagnostics_and_compile_cleanly()
    {
        IReadOnlyList<string> files = ShippedConfigs.FileNames();

        GeneratorOutcome outcome = GeneratorHarness.Run(files.Select(ShippedConfigs.AsAdditionalText).ToArray());

        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(outcome.CompileProblems);
        Assert.Equal(files.Count + 1, outcome.HintNames.Count()); // a class per config, and the table
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_shipped_config_generates_the_dimensions_and_fingerprint_the_engine_computes_at_load(string file)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(ShippedConfigs.AsAdditionalText(file));

        Assert.Empty(outcome.CompileProblems);
        outcome.AssertConstantsMatch(outcome.SingleClassName, ShippedConfigs.ReadByEngine(file));
        Assert.Equal(file, outcome.Constant(outcome.SingleClassName, "ConfigFile"));
    }

    [Fact]
    public void The_large_model_shapes_are_the_published_ones()
    {
        ModelShape llada = ModelShape.Of(ShippedConfigs.ReadByEngine("LLaDA-8B-Instruct.json"));
        ModelShape dream = ModelShape.Of(ShippedConfigs.ReadByEngine("Dream-v0-Instruct-7B.json"));

        Assert.Equal(new ModelShape(4096, 32, 32, 32, 12288, 126464, QkvBias: false, 500000f, 1e-5f), llada);
        Assert.Equal(new ModelShape(3584, 28, 28, 4, 18944, 152064, QkvBias: true, 1000000f, 1e-6f), dream);
    }
}
