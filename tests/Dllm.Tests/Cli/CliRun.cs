using Dllm.Cli.Commands;

namespace Dllm.Tests.Cli;

/// <summary>Runs `dllm generate` or `dllm bench` in process from its settings and captures what it prints.</summary>
public static class CliRun
{
    public static (int Code, string Out, string Err) Generate(GenerateSettings settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenerateRunner.Run(settings, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static (int Code, string Out, string Err) Bench(BenchSettings settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = BenchRunner.Run(settings, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
