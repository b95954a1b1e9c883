using Dllm.Cli.Commands;
using Dllm.Tests.Gpu;
using Dllm.Tests.Kernels;

namespace Dllm.Tests.Cli;

/// <summary>`dllm generate --device cuda|auto` on a CUDA device (GPU hosts only): the built-in model answers as on the CPU.</summary>
[RequiresCudaDevice]
public sealed class CudaGenerateTests
{
    [BackendFact]
    public void Cuda_and_auto_run_the_built_in_model_on_the_device()
    {
        foreach (string device in new[] { DeviceBackend.Cuda, DeviceBackend.Auto })
        {
            var (code, stdout, stderr) = CliRun.Generate(new GenerateSettings { Prompt = "sort 3 1 4 1 5 9 2 6", Device = device, Json = true });
            Assert.True(code == 0, stderr);
            using var json = System.Text.Json.JsonDocument.Parse(stdout);
            Assert.Equal("1 1 2 3 4 5 6 9", json.RootElement.GetProperty("text").GetString());
            Assert.DoesNotContain("using cpu", stderr);
        }
    }
}
