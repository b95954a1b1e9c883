using System.Diagnostics;
using System.Text.Json;
using Dllm.Models;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Cli;

/// <summary>
/// DLLM_SPECIALIZE through the built `dllm` binary (a child process, so the variable never leaks into
/// other tests): 0 forces the generic kernels, and both kernels generate the same ids.
/// </summary>
public sealed class SpecializeEnvironmentTests
{
    [Fact]
    [Trait("Category", "Fixtures")]
    public void DLLM_SPECIALIZE_0_runs_the_generic_kernels_with_the_same_output()
    {
        JsonElement specialized = Generate("1");
        JsonElement generic = Generate("0");

        Assert.Equal("specialized:LladaTiny", specialized.GetProperty("kernels").GetString());
        Assert.Equal("generic", generic.GetProperty("kernels").GetString());
        Assert.Equal(specialized.GetProperty("ids").GetRawText(), generic.GetProperty("ids").GetRawText());
    }

    private static JsonElement Generate(string specialize)
    {
        string arguments = $"--model \"{FixturePaths.Model("llada-tiny")}\" --prompt-ids 5,17,42 --gen-length 16 --block-length 8 --steps 16 --json";
        var start = new ProcessStartInfo("dotnet", $"exec \"{Path.Combine(AppContext.BaseDirectory, "dllm.dll")}\" generate {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[KernelSelection.EnvironmentVariable] = specialize;
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "dllm generate did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, error.Result);
        using JsonDocument json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }
}
