using Dllm.Core.Config;
using Dllm.Gpu;
using Dllm.Gpu.Cuda;
using Dllm.Core.Errors;
using Dllm.Kernels;

namespace Dllm.Cli.Commands;

/// <summary>
/// Opens the backend <c>--device</c> names: null for the CPU (the engine creates and owns its CPU
/// backend), a <see cref="PtxBackend"/> for cuda. A missing driver, device or memory is a
/// <see cref="GpuDeviceUnavailableException"/>, which the CLI reports as one line.
/// </summary>
public static class DeviceBackend
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";
    public const string Auto = "auto";
    public const string OpenCl = "opencl";

    /// <summary>The backend for <paramref name="device"/>; with auto, tells <paramref name="error"/> which device it picked and why.</summary>
    public static PtxBackend? Open(string device, TextWriter error)
    {
        switch (device)
        {
            case Cpu:
                return null;
            case Cuda:
                return PtxBackend.Open();
            case Auto:
                try
                {
                    PtxBackend backend = PtxBackend.Open();
                    error.WriteLine($"dllm: --device auto: using cuda ({backend.DeviceName}).");
                    return backend;
                }
                catch (GpuDeviceUnavailableException e)
                {
                    error.WriteLine($"dllm: --device auto: using cpu. {e.Message}");
                    return null;
                }
            case OpenCl:
                // ILGPU compiles OpenCL kernels from IL at run time; a Native AOT binary has no IL to compile.
                throw new InvalidRequestException(
                    "--device opencl is not available in the dllm binary: OpenCL kernels are compiled at run time by ILGPU, which Native AOT cannot carry. " +
                    "Use --device cuda or cpu, or the Dllm.Gpu library (IlgpuBackend) from a JIT-compiled .NET program.");
            default:
                throw new InvalidRequestException($"Unknown device '{device}': use cpu, cuda, auto or opencl.");
        }
    }

    /// <summary>Prompt tokens allowed for beyond what is known before tokenizing: a chat template's, or a task prompt's.</summary>
    public const int PromptAllowance = 64;

    /// <summary>
    /// Before any weight reaches the device (a no-op for the CPU): throws when the model's weights (the size of its safetensors
    /// files, which stay in their dtype on the device) and the activations for one sequence of
    /// <paramref name="longest"/> tokens exceed the device memory.
    /// </summary>
    public static void EnsureFits(PtxBackend? backend, TransformerConfig config, string modelDirectory, int longest)
    {
        if (backend is null)
        {
            return;
        }
        long weightBytes = Directory.EnumerateFiles(modelDirectory, "*.safetensors").Sum(file => new FileInfo(file).Length);
        GpuMemoryEstimate activations = GpuMemoryEstimate.For(config, WeightType.BF16, rows: longest, longest: longest);
        backend.EnsureFits(activations with { WeightBytes = weightBytes });
    }
}
