using Dllm.Cli.Commands;
using Dllm.Cli.Models;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Cli;

/// <summary>The model built into dllm: written once to a cache folder, repaired when damaged, and good at its tasks.</summary>
public sealed class EmbeddedModelTests : IDisposable
{
    private readonly TempDirectory _cache = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void It_is_written_once_to_a_folder_named_after_its_content()
    {
        string folder = EmbeddedModel.Directory(_cache.Path);
        Assert.StartsWith(Path.Combine(_cache.Path, "embedded-"), folder);
        string[] files = ["config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"];
        Assert.Equal(files, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(Directory.GetDirectories(_cache.Path)); // no staging folder left behind

        DateTime written = File.GetLastWriteTimeUtc(Path.Combine(folder, "model.safetensors"));
        Assert.Equal(folder, EmbeddedModel.Directory(_cache.Path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(folder, "model.safetensors")));
    }

    [Fact]
    public void A_truncated_copy_is_written_again()
    {
        string folder = EmbeddedModel.Directory(_cache.Path);
        string weights = Path.Combine(folder, "model.safetensors");
        long length = new FileInfo(weights).Length;
        using (var stream = new FileStream(weights, FileMode.Open))
        {
            stream.SetLength(length / 2);
        }
        Assert.Equal(folder, EmbeddedModel.Directory(_cache.Path));
        Assert.Equal(length, new FileInfo(weights).Length);
    }

    [Fact]
    public void Without_a_gen_length_the_model_s_max_new_tokens_applies()
    {
        var (code, stdout, stderr) = CliRun.Generate(new GenerateSettings { Prompt = "sort 3 1 4 1 5 9 2 6", Json = true });
        Assert.True(code == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(20, json.RootElement.GetProperty("ids").GetArrayLength()); // generation_config.json max_new_tokens
        Assert.Equal("1 1 2 3 4 5 6 9", json.RootElement.GetProperty("text").GetString());

        (code, stdout, stderr) = CliRun.Generate(new GenerateSettings { Prompt = "sort 3 1 4 1 5 9 2 6", Json = true, GenLength = 16 });
        Assert.True(code == 0, stderr);
        using var explicitLength = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(16, explicitLength.RootElement.GetProperty("ids").GetArrayLength());
    }

    [Theory]
    // Floors a little under what the shipped weights score on these 20 held-out instances (sort 20,
    // addition 20, shuffle 16 on the scalar and Vector512 paths); bench/RESULTS.md has the 100-instance figures under every decoder.
    [InlineData("sort", 19)]
    [InlineData("addition", 19)]
    [InlineData("shuffle", 13)]
    public void The_shipped_model_keeps_its_held_out_accuracy(string task, int floor)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EvalRunner.Run(new EvalSettings { Tasks = task, Count = 20, Json = true }, output, error);

        Assert.True(code == 0, error.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("correct").GetInt32() >= floor, output.ToString());
    }
}
