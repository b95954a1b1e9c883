using Dllm.Cpu;
using Dllm.Kernels;
using Dllm.Kernels.Reference;
using Dllm.Tests.Gpu;

namespace Dllm.Tests.Fixtures;

/// <summary>
/// Every backend a fixture must pass on: the scalar reference, each CPU path this machine has, and the
/// ILGPU backend on ILGPU's CPU accelerator (the GPU kernels, simulated on CPU threads).
/// </summary>
public static class TestBackends
{
    public const string IlgpuCpuAccelerator = "ilgpu-cpu";

    public static IEnumerable<string> Names() =>
        new[] { "reference" }.Concat(Enum.GetValues<CpuPath>().Where(CpuPaths.IsSupported).Select(p => p.ToString())).Append(IlgpuCpuAccelerator);

    /// <summary>Whether the backend has fused steps generated for the fixture shapes (all but the reference).</summary>
    public static bool HasSpecializations(string name) => name is not "reference";

    /// <summary>A fresh backend; dispose it (CPU backends own worker threads, the ILGPU backend an accelerator).</summary>
    public static IBackend Create(string name) => name switch
    {
        "reference" => new ReferenceBackend(),
        IlgpuCpuAccelerator => TestGpuDevices.CpuAcceleratorBackend(),
        _ => new CpuBackend(CpuPaths.Parse(name), threads: 2),
    };
}
