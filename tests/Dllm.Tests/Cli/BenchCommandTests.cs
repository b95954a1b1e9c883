using System.Text.Json;
using Dllm.Cli.Commands;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Cli;

/// <summary>`dllm bench`: the request it times is the one generate runs, and its counts follow from the schedule.</summary>
public sealed class BenchCommandTests
{
    private static readonly int[] Prompt = [5, 17, 42];

    [Fact]
    [Trait("Category", "Fixtures")]
    public void Times_the_request_generate_runs_and_counts_its_rows()
    {
        const int gen = 8;
        var (code, output, error) = CliRun.Bench(new BenchSettings
        {
            ModelDirectory = FixturePaths.Model("llada-tiny"),
            PromptIds = "5,17,42",
            GenLength = gen,
            Options = new GenerateOptions { BlockLength = gen },
            Repeat = 1,
            Warmup = 0,
            Json = true,
        });

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement run = json.RootElement.GetProperty("runs")[0];
        using DllmEngine engine = DllmEngine.Load(FixturePaths.Model("llada-tiny"));
        GenerationResult expected = engine.Generate(Prompt, new GenerateOptions { GenLength = gen, BlockLength = gen });
        Assert.Equal(expected.Ids, run.GetProperty("ids").EnumerateArray().Select(id => id.GetInt32()));
        Assert.Equal(gen, json.RootElement.GetProperty("request").GetProperty("forward_calls").GetInt32());
        // One token per step over one block: every call runs the whole canvas and scores the masks left (8, 7, ..., 1).
        Assert.Equal(gen * (Prompt.Length + gen), run.GetProperty("rows_computed").GetInt64());
        Assert.Equal(gen * (gen + 1) / 2, run.GetProperty("rows_scored").GetInt64());
        Assert.True(json.RootElement.GetProperty("fma_peak_gflops").GetDouble() > 0);
        Assert.True(run.GetProperty("cores_busy").GetDouble() > 0);
    }

    [Fact]
    [Trait("Category", "Fixtures")]
    public void Mapped_and_in_memory_weights_give_the_same_ids()
    {
        var (code, output, error) = CliRun.Bench(new BenchSettings
        {
            ModelDirectory = FixturePaths.Model("dream-tiny"),
            Weights = "both",
            GenLength = 8,
            Repeat = 1,
            Warmup = 0,
            Json = true,
        });

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(["mapped", "memory"], json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("weights").GetString()));
        Assert.True(json.RootElement.GetProperty("ids_agree").GetBoolean());
    }

    [Theory]
    [InlineData("llada-9b", null, null, "Unknown model shape 'llada-9b'; known shapes: llada-8b, dream-7b.")]
    [InlineData("llada-8b", "mapped", null, "--weights mapped needs --save DIR")]
    [InlineData(null, null, 2, "--layers and --save apply to a random model")]
    public void Refuses_what_it_cannot_run(string? shape, string? weights, int? layers, string message)
    {
        var (code, _, error) = CliRun.Bench(new BenchSettings { Shape = shape, Weights = weights, Layers = layers, Repeat = 1, Warmup = 0 });

        Assert.Equal(1, code);
        Assert.StartsWith("dllm: error: ", error);
        Assert.Contains(message, error);
    }
}
