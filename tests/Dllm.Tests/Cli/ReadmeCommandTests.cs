using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Cli;

/// <summary>
/// The README's generate commands, taken from the README itself and run through the built `dllm`
/// binary, so the documented commands cannot drift from what works: the first one (the built-in
/// model, no files given) must print what the README says it prints.
/// </summary>
public sealed partial class ReadmeCommandTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(FixturePaths.RepositoryRoot, "README.md"));

    [Fact]
    public void The_first_readme_command_prints_what_the_readme_shows_with_no_model_given()
    {
        Match command = GenerateCommand().Match(Readme);
        Assert.True(command.Success, "README.md lost its `dotnet run ... -- generate` command");
        string arguments = Arguments(command);
        Assert.DoesNotContain("--model", arguments);
        Match shown = ShownOutput().Match(Readme, command.Index + command.Length);
        Assert.True(shown.Success, "README.md shows no output block after its first generate command");

        var (code, stdout, stderr) = RunDllm(arguments);
        Assert.True(code == 0, stderr);
        Assert.Equal(shown.Groups["output"].Value.Trim(), stdout.Trim());
    }

    [Fact]
    [Trait("Category", "Fixtures")]
    public void The_readme_fixture_command_runs_and_prints_json()
    {
        Match command = GenerateCommand().Matches(Readme).Single(m => m.Value.Contains("--model ../shared/fixtures"));
        string arguments = Arguments(command).Replace("../shared/fixtures", FixturePaths.FixturesRoot);

        var (code, stdout, stderr) = RunDllm(arguments);
        Assert.True(code == 0, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal(32, json.RootElement.GetProperty("ids").GetArrayLength());
        Assert.Equal(32, json.RootElement.GetProperty("forward_calls").GetInt32());
    }

    private static string Arguments(Match command) => command.Groups["args"].Value.Replace("\\\n", " ");

    private static (int Code, string Out, string Err) RunDllm(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"exec \"{Path.Combine(AppContext.BaseDirectory, "dllm.dll")}\" generate {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "dllm generate did not finish in 2 minutes");
        return (process.ExitCode, stdout, stderr.Result);
    }

    [GeneratedRegex(@"dotnet run -c Release --project src/Dllm.Cli -- generate (?<args>(?:\\\n|[^\n])*)")]
    private static partial Regex GenerateCommand();

    // A fence after a blank line opens a block; the command block's own closing fence follows a single newline.
    [GeneratedRegex(@"\n\n```\n(?<output>[^`]*)```")]
    private static partial Regex ShownOutput();
}
