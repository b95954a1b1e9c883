using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Core.Dtypes;
using Dllm.Core.SafeTensors;
using Dllm.Cpu;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Models;
using Dllm.Models.Common;
using Dllm.Specializations;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Specialization;

/// <summary>
/// Every config in src/Specializations: the CPU backend picks its generated fused step, and on every CPU
/// path this processor has, that step and the generic ops give bitwise equal hidden states and row
/// statistics. The 7B/8B shapes run one layer at full width (random bf16 weights, a small vocabulary:
/// neither the layer count nor the vocabulary reaches the block).
/// </summary>
public sealed class ShippedSpecializationTests
{
    private const int LargeHidden = 1024;

    public static TheoryData<string> Files => new(Directory
        .EnumerateFiles(Path.Combine(FixturePaths.RepositoryRoot, "src", "Specializations"), "*.json")
        .Select(Path.GetFileName)
        .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void The_generated_step_equals_the_generic_block_bitwise_on_every_cpu_path(string file)
    {
        (IModelFamily family, TransformerConfig shipped) = Read(file);
        bool large = shipped.HiddenSize >= LargeHidden;
        TransformerConfig config = large
            ? shipped with { NumLayers = 1, VocabSize = 64, MaskTokenId = 63, EosTokenId = 62, PadTokenId = 62, BosTokenId = null }
            : shipped;
        using InMemoryWeights weights = RandomWeights.Create(config, family, seed: 6, DType.BF16);
        ForwardSequence[] batch = large
            ? SpecializedVersusGeneric.Batch(config, seed: 1, firstLength: 3, secondLength: 14)
            : SpecializedVersusGeneric.Batch(config, seed: 1, firstLength: 7, secondLength: 37);

        foreach (CpuPath path in CpuPaths.Supported)
        {
            using var backend = new CpuBackend(path, threads: 2);
            IFusedDenoiseStep step = backend.Specialize(ModelShape.Of(config))
                ?? throw new Xunit.Sdk.XunitException($"{path}: no specialization for {file}");
            string expectedName = SpecializationTable.All.Values.Single(entry => entry.ConfigFile == file).Name;

            string kernels = SpecializedVersusGeneric.AssertBitwiseEqual(family, config, weights, backend, step, batch);

            Assert.Equal($"specialized:{expectedName}", kernels);
        }
    }

    private static (IModelFamily Family, TransformerConfig Config) Read(string file)
    {
        string path = Path.Combine(FixturePaths.RepositoryRoot, "src", "Specializations", file);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        IModelFamily family = ModelRegistry.Resolve(document.RootElement.GetProperty("model_type").GetString()!, path);
        return (family, family.ParseConfig(document.RootElement, path));
    }
}
