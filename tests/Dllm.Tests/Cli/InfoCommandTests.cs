using System.Text.Json;
using Dllm.Cli.Commands;
using Dllm.Specializations;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Cli;

/// <summary>`dllm info`: the shape, the fingerprint the specialization table is keyed by, and the kernels that run.</summary>
public sealed class InfoCommandTests
{
    [Fact]
    [Trait("Category", "Fixtures")]
    public void Json_names_the_shape_fingerprint_and_the_specialized_kernels()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = InfoCommand.Run(FixturePaths.Model("llada-tiny"), json: true, output, error);

        Assert.True(code == 0, error.ToString());
        using JsonDocument json = JsonDocument.Parse(output.ToString());
        JsonElement root = json.RootElement;
        Assert.Equal("llada", root.GetProperty("model_type").GetString());
        Assert.Equal(64, root.GetProperty("shape").GetProperty("hidden_size").GetInt32());
        Assert.Equal($"0x{LladaTiny.Fingerprint:X16}", root.GetProperty("fingerprint").GetString());
        Assert.Equal(CliKernels.Expected("LladaTiny"), root.GetProperty("kernels").GetString());
        Assert.Equal($"cpu/{root.GetProperty("cpu_path").GetString()}", root.GetProperty("backend").GetString());
        Assert.True(Enum.TryParse<Dllm.Cpu.CpuPath>(root.GetProperty("cpu_path").GetString(), out _));
    }

    [Fact]
    public void Text_for_the_built_in_model_says_which_kernels_run()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = InfoCommand.Run(null, json: false, output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains($"kernels:     {CliKernels.Expected("DllmTiny")}", output.ToString());
        Assert.Contains($"fingerprint: 0x{DllmTiny.Fingerprint:X16}", output.ToString());
    }
}
