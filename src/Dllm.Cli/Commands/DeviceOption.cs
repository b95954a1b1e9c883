using System.CommandLine;

namespace Dllm.Cli.Commands;

/// <summary>The <c>--device cpu|cuda|auto|opencl</c> flag.</summary>
public static class DeviceOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--device")
        {
            Description = "Where the model runs: cpu (default, SIMD kernels), cuda (NVIDIA GPU, precompiled PTX through the CUDA driver), " +
                "auto (cuda when a driver and device are present, else cpu). opencl is refused with the reason: it needs ILGPU's run-time compiler, which this Native AOT binary " +
                "cannot carry; library users reach OpenCL through Dllm.Gpu in a JIT build.",
            DefaultValueFactory = _ => DeviceBackend.Cpu,
        };
        option.AcceptOnlyFromAmong(DeviceBackend.Cpu, DeviceBackend.Cuda, DeviceBackend.Auto, DeviceBackend.OpenCl);
        return option;
    }
}
