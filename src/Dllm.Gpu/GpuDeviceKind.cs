namespace Dllm.Gpu;

/// <summary>The ILGPU accelerators dllm can run on.</summary>
public enum GpuDeviceKind
{
    /// <summary>An NVIDIA GPU through the CUDA driver.</summary>
    Cuda,

    /// <summary>A GPU (or other device) through an OpenCL runtime.</summary>
    OpenCL,

    /// <summary>ILGPU's CPU accelerator: GPU semantics simulated on CPU threads. Slow; the test target where there is no GPU.</summary>
    CpuAccelerator,
}
