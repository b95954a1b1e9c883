namespace Dllm.Gpu.Ptx;

/// <summary>The PTX of every kernel in <see cref="PtxKernelCatalog"/>, compiled in catalog order in a fresh context, so the text is reproducible.</summary>
public static class PtxKernels
{
    public static IReadOnlyList<(string Name, string Ptx)> CompileAll()
    {
        using var compiler = new PtxKernelCompiler();
        return [.. PtxKernelCatalog.All.Select(kernel => (kernel.Name, compiler.Compile(kernel.Method)))];
    }
}
