using Dllm.Kernels.Specialization;

namespace Dllm.Generators.Model;

/// <summary>What the emitter needs to know about one valid config: value-equal, so unchanged configs cache.</summary>
/// <param name="ClassName">The generated class, derived from <paramref name="ConfigFile"/>.</param>
/// <param name="ConfigFile">The config's file name (no directory: the output must not depend on where the repository lives).</param>
/// <param name="FilePath">Where the config is, for diagnostics about it.</param>
internal sealed record Specialization(string ClassName, string ConfigFile, string FilePath, string ModelType, ModelShape Shape);
