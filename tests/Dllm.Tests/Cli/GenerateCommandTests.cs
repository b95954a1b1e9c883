using System.Text.Json;
using Dllm.Cli.Commands;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Cli;

/// <summary>`dllm generate` end to end through its settings, on the fixture models.</summary>
public sealed class GenerateCommandTests
{

    [Fact]
    [Trait("Category", "Fixtures")]
    public void Json_output_carries_the_upstream_ids_and_the_run_figures()
    {
        string model = Path.Combine(FixturePaths.FixturesRoot, "llada-tiny");
        DecodeGoldenRun golden = DecodeGoldenRun.Load(model, "p0_gen32_block8_steps16");
        var (code, stdout, stderr) = CliRun.Generate(new GenerateSettings
        {
            ModelDirectory = model,
            PromptIds = string.Join(",", golden.Prompt[0]),
            Options = new GenerateOptions { GenLength = 32, BlockLength = 8, Steps = 16, Algorithm = "low_confidence" },
            Json = true,
        });

        Assert.True(code == 0, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        int[] expected = golden.Output[0][golden.Prompt[0].Length..];
        Assert.Equal(expected, root.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal(16, root.GetProperty("forward_calls").GetInt32());
        Assert.Equal(2.0, root.GetProperty("tokens_per_call").GetDouble());
        Assert.Equal("llada-static", root.GetProperty("decoder").GetString());
        Assert.Equal($"cpu/{root.GetProperty("cpu_path").GetString()}", root.GetProperty("backend").GetString());
        Assert.True(Enum.TryParse<Dllm.Cpu.CpuPath>(root.GetProperty("cpu_path").GetString(), out _));
        Assert.Equal(CliKernels.Expected("LladaTiny"), root.GetProperty("kernels").GetString());
        Assert.True(root.GetProperty("elapsed_ms").GetDouble() >= 0);
    }

    [Fact]
    [Trait("Category", "Fixtures")]
    public void Dream_top_k_none_reproduces_the_upstream_topk_none_run()
    {
        string model = Path.Combine(FixturePaths.FixturesRoot, "dream-tiny");
        DecodeGoldenRun golden = DecodeGoldenRun.Load(model, "p1_new24_steps12_entropy_topk-none");
        var (code, stdout, stderr) = CliRun.Generate(new GenerateSettings
        {
            ModelDirectory = model,
            PromptIds = string.Join(",", golden.Prompt[0]),
            Options = new GenerateOptions { GenLength = 24, Steps = 12, Algorithm = "entropy" },
            TopK = "none",
        });

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Join(",", golden.Output[0][golden.Prompt[0].Length..]), stdout.Trim());
        Assert.Contains("12 forward calls", stderr);
        Assert.Contains($"{CliKernels.Expected("DreamTiny")} kernels", stderr);
    }

    [Fact]
    [Trait("Category", "Fixtures")]
    public void A_prompt_longer_than_the_model_allows_is_a_clear_error()
    {
        string model = Path.Combine(FixturePaths.FixturesRoot, "llada-tiny");
        var (code, _, stderr) = CliRun.Generate(new GenerateSettings
        {
            ModelDirectory = model,
            PromptIds = string.Join(",", Enumerable.Repeat(5, 4090)),
            Options = new GenerateOptions { GenLength = 16 },
        });

        Assert.Equal(1, code);
        Assert.Contains("maximum sequence length of 4096", stderr);
    }

    [Fact]
    public void A_missing_model_folder_names_the_folder()
    {
        string missing = Path.Combine(Path.GetTempPath(), "dllm-no-such-model-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = CliRun.Generate(new GenerateSettings { ModelDirectory = missing, PromptIds = "1,2" });

        Assert.Equal(1, code);
        Assert.Contains(missing, stderr);
    }

    [Fact]
    public void An_unknown_model_type_lists_the_supported_ones()
    {
        string folder = Directory.CreateTempSubdirectory("dllm-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "config.json"), """{"model_type": "gpt2"}""");
        var (code, _, stderr) = CliRun.Generate(new GenerateSettings { ModelDirectory = folder, PromptIds = "1,2" });

        Assert.Equal(1, code);
        Assert.Contains("unknown model_type \"gpt2\"", stderr);
        Assert.Contains("\"llada\"", stderr);
        Assert.Contains("config.json", stderr);
    }

    [Theory]
    [InlineData("1,x,3", "item 2 ('x')")]
    [InlineData("1,,3", "item 2 ('')")]
    [InlineData("-4", "item 1 ('-4')")]
    public void Malformed_prompt_ids_name_the_bad_item(string ids, string expected)
    {
        var (code, _, stderr) = CliRun.Generate(new GenerateSettings { ModelDirectory = ".", PromptIds = ids });

        Assert.Equal(1, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Bad_top_k_is_rejected_before_loading()
    {
        var (code, _, stderr) = CliRun.Generate(new GenerateSettings { ModelDirectory = ".", PromptIds = "1", TopK = "lots" });

        Assert.Equal(1, code);
        Assert.Contains("--top-k", stderr);
    }
}
