namespace Dllm.Kernels.Specialization;

/// <summary>
/// One row of a generated specialization table: which generated class specializes which shape, and
/// the config file it was generated from.
/// </summary>
public sealed record SpecializationEntry(string Name, string ConfigFile, ModelShape Shape);
