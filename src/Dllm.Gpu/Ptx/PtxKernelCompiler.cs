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

    /// <summary>
    /// The PTX of <paramref name="kernel"/>: implicitly grouped when its first parameter is its index (as
    /// ILGPU's loaders tell the two kinds apart), otherwise explicitly grouped (the tiled matmul).
    /// </summary>
    public string Compile(MethodInfo kernel)
    {
        var entry = kernel.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(Index1D)
            ? EntryPointDescription.FromImplicitlyGroupedKernel(kernel)
            : EntryPointDescription.FromExplicitlyGroupedKernel(kernel);
        var compiled = (PTXCompiledKernel)_backend.Compile(entry, KernelSpecialization.Empty);
        return compiled.PTXAssembly;
    }

    public void Dispose()
    {
        _backend.Dispose();
        _context.Dispose();
    }
}
