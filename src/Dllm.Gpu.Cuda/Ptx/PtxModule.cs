namespace Dllm.Gpu.Cuda.Ptx;

/// <summary>One kernel's PTX text, under its catalog name, with its parsed entry.</summary>
public sealed record PtxModule(string Name, string Ptx, PtxEntry Entry);
