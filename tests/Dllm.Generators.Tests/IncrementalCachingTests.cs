extern alias generator;
using Dllm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Dllm.Generators.Tests.Infrastructure.TestConfigs;
using TrackingNames = generator::Dllm.Generators.SpecializationGenerator.TrackingNames;

namespace Dllm.Generators.Tests;

/// <summary>
/// The pipeline re-emits only when a config's shape changes: edits elsewhere (other files, code, keys
/// outside the shape) are served from the generator's cache.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    private readonly AdditionalText _config = File("llada-tiny.json", Llada);
    private readonly AdditionalText _otherConfig = File("dream-tiny.json", Dream);
    private readonly AdditionalText _notes = new InMemoryAdditionalText(Path.Combine("models", "notes.txt"), "first");
    private readonly AdditionalText _unrelatedJson = new InMemoryAdditionalText(Path.Combine("models", "other", "config.json"), "{}");
    private readonly Compilation _compilation = GeneratorHarness.Compilation("class Existing { }");

    [Fact]
    public void Editing_an_unrelated_additional_file_reuses_the_plan_and_every_output()
    {
        GeneratorDriver driver = FirstRun();

        driver = driver.ReplaceAdditionalText(_notes, new InMemoryAdditionalText(_notes.Path, "second")).RunGenerators(_compilation);

        AssertEverythingReused(driver);
    }

    [Fact]
    public void Editing_a_json_file_outside_the_Specializations_folder_reuses_everything()
    {
        GeneratorDriver driver = FirstRun();

        driver = driver.ReplaceAdditionalText(_unrelatedJson, new InMemoryAdditionalText(_unrelatedJson.Path, "{\"x\": 1}")).RunGenerators(_compilation);

        AssertEverythingReused(driver);
    }

    [Fact]
    public void Adding_an_unrelated_syntax_tree_reuses_everything()
    {
        GeneratorDriver driver = FirstRun();

        driver = driver.RunGenerators(_compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }")));

        AssertEverythingReused(driver);
    }

    [Fact]
    public void Editing_a_key_outside_the_shape_parses_again_but_reuses_the_plan_and_every_output()
    {
        GeneratorDriver driver = FirstRun();
        string renamed = Llada.Replace("{\n", "{\n  \"_name_or_path\": \"renamed\",\n", StringComparison.Ordinal);

        driver = driver.ReplaceAdditionalText(_config, File("llada-tiny.json", renamed)).RunGenerators(_compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.ParsedConfigs].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Unchanged);
        AssertEverythingReused(driver);
    }

    [Fact]
    public void Changing_a_dimension_re_emits()
    {
        GeneratorDriver driver = FirstRun();
        string wider = Llada.Replace("\"d_model\": 64", "\"d_model\": 128", StringComparison.Ordinal);

        driver = driver.ReplaceAdditionalText(_config, File("llada-tiny.json", wider)).RunGenerators(_compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Plan].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(OutputStepReasons(result), reason => reason == IncrementalStepRunReason.Modified);
        Assert.Contains("128", result.GeneratedSources.Single(source => source.HintName == "LladaTiny.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    private GeneratorDriver FirstRun()
    {
        GeneratorDriver driver = GeneratorHarness.Driver(_config, _otherConfig, _notes, _unrelatedJson).RunGenerators(_compilation);
        Assert.Equal(3, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        return driver;
    }

    private static void AssertEverythingReused(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Plan].SelectMany(step => step.Outputs), output => Assert.Contains(output.Reason, Reused));
        Assert.All(OutputStepReasons(result), reason => Assert.Contains(reason, Reused));
        Assert.NotEmpty(OutputStepReasons(result));
    }

    // The registered source outputs: the emit step and the per-file diagnostics.
    private static IEnumerable<IncrementalStepRunReason> OutputStepReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).Select(output => output.Reason);
}
