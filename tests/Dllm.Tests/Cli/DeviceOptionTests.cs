using Dllm.Cli.Commands;
using Dllm.Gpu.Cuda.Driver;
using Dllm.Tests.Gpu;

namespace Dllm.Tests.Cli;

/// <summary>`dllm generate --device` on a machine without a CUDA driver (CI): cuda fails with one line, auto falls back to the CPU.</summary>
public sealed class DeviceOptionTests
{
    [CudaDriverFact(Installed = false)]
    public void Cuda_without_a_driver_is_a_one_line_error_and_exit_code_1()
    {
        var (code, stdout, stderr) = CliRun.Generate(new GenerateSettings { Prompt = "sort 3 1 4 1 5 9 2 6", Device = DeviceBackend.Cuda });
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Equal($"dllm: error: No CUDA driver ({CudaDriver.LibraryName}) found: install the NVIDIA driver, or use --device cpu.", stderr.TrimEnd());
    }

    [CudaDriverFact(Installed = false)]
    public void Auto_without_a_driver_runs_on_the_cpu_says_so_and_answers()
    {
        var (code, stdout, stderr) = CliRun.Generate(new GenerateSettings { Prompt = "sort 3 1 4 1 5 9 2 6", Device = DeviceBackend.Auto });
        Assert.True(code == 0, stderr);
        Assert.Equal("1 1 2 3 4 5 6 9", stdout.Trim());
        Assert.StartsWith("dllm: --device auto: using cpu. No CUDA driver", stderr);
    }

    [Fact]
    public void OpenCl_is_refused_with_the_reason_and_exit_code_1()
    {
        var (code, stdout, stderr) = CliRun.Generate(new GenerateSettings { Prompt = "sort 3 1 4 1 5 9 2 6", Device = DeviceBackend.OpenCl });
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("dllm: error: --device opencl is not available in the dllm binary", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
