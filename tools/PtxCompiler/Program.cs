using Dllm.Gpu.Cuda.Ptx;
using Dllm.Gpu.Ptx;

// Writes each kernel's PTX (NAME.ptx) and kernels.manifest into the folder given, by default the one
// Dllm.Gpu.Cuda embeds. Needs no GPU. Commit the result; a test fails when it is stale.
string folder = args.Length switch
{
    0 => Path.Combine("src", "Dllm.Gpu.Cuda", "CompiledPtx"),
    1 => args[0],
    _ => throw new ArgumentException("usage: PtxCompiler [OUTPUT_FOLDER]"),
};
Directory.CreateDirectory(folder);
var kernels = PtxKernels.CompileAll();
foreach (var (name, ptx) in kernels)
{
    File.WriteAllText(Path.Combine(folder, name + ".ptx"), ptx);
}
File.WriteAllText(Path.Combine(folder, "kernels.manifest"), EmbeddedPtx.FormatManifest(kernels));
Console.WriteLine($"Wrote {kernels.Count} kernels to {folder}.");
