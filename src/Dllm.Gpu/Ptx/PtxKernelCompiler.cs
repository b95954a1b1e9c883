using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Dllm.Gpu.Ptx;

/// <summary>
/// Compiles kernels to PTX text with ILGPU's PTX backend, with no GPU and no CUDA driver: the backend
/// is built for a fixed architecture and instruction set instead of a detected device, so the output
/// depends only on the kernels and the ILGPU version.
/// </summary>
public sealed class PtxKernelCompiler : IDisposable
{
    private readonly Context _context;
    private readonly PTXBackend _backend;

    public PtxKernelCompiler()
    {
        _context = Context.Create(builder => builder.EnableAlgorithms());
        _backend = new PTXBackend(_context, Architecture, InstructionSet, nvvmAPI: null!);
    }

    public static CudaArchitecture Architecture => CudaArchitecture.SM_60;
    public static CudaInstructionSet InstructionSet => CudaInstructionSet.ISA_60;

    /// <summary>The PTX of <paramref name="kernel"/> compiled as an implicitly grouped kernel (the first parameter is its index).</summary>
    public string Compile(MethodInfo kernel)
    {
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
        var compiled = (PTXCompiledKernel)_backend.Compile(entry, KernelSpecialization.Empty);
        return compiled.PTXAssembly;
    }

    public void Dispose()
    {
        _backend.Dispose();
        _context.Dispose();
    }
}
