using System.CommandLine;

namespace Dllm.Cli.Commands;

/// <summary>The <c>--device cpu|cuda|auto</c> flag.</summary>
public static class DeviceOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--device")
        {
            Description = "Where the model runs: cpu (default, SIMD kernels), cuda (NVIDIA GPU, precompiled PTX through the CUDA driver), " +
                "auto (cuda when a driver and device are present, else cpu). OpenCL is available only to library users through Dllm.Gpu (JIT builds).",
            DefaultValueFactory = _ => DeviceBackend.Cpu,
        };
        option.AcceptOnlyFromAmong(DeviceBackend.Cpu, DeviceBackend.Cuda, DeviceBackend.Auto);
        return option;
    }
}
