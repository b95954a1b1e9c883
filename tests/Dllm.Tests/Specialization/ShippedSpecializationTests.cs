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
using Dllm.Tests.Gpu;

namespace Dllm.Tests.Specialization;

/// <summary>
/// Every config in src/Specializations: the CPU backend (on every CPU path this processor has) and the
/// ILGPU backend (on ILGPU's CPU accelerator) pick their generated fused step, and that step and the
/// generic ops on the same backend give bitwise equal hidden states and row statistics. The 7B/8B shapes
/// run one layer at full width (random bf16 weights, a small vocabulary: neither the layer count nor the
/// vocabulary reaches the block).
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
    public void The_generated_step_equals_the_generic_block_bitwise_on_every_cpu_path(string file) =>
        AssertSpecializedEqualsGeneric(file, largeLengths: (3, 14), CpuPaths.Supported.Select(path => (IBackend)new CpuBackend(path, threads: 2)));

    /// <summary>
    /// The same on the ILGPU kernels. ILGPU's CPU accelerator runs them as scalar loops on simulated
    /// threads, so the 7B/8B shapes get one token in one sequence and three in the other (still every
    /// kernel at full width, two sequences, a mask and shifted positions).
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void The_generated_step_equals_the_generic_block_bitwise_on_the_ilgpu_kernels(string file) =>
        AssertSpecializedEqualsGeneric(file, largeLengths: (1, 3), [TestGpuDevices.CpuAcceleratorBackend()]);

    /// <summary>Runs the check on each backend <paramref name="backends"/> creates (lazily, disposing each).</summary>
    private static void AssertSpecializedEqualsGeneric(string file, (int First, int Second) largeLengths, IEnumerable<IBackend> backends)
    {
        (IModelFamily family, TransformerConfig config, bool large) = Read(file);
        using InMemoryWeights weights = RandomWeights.Create(config, family, seed: 6, DType.BF16);
        ForwardSequence[] batch = large
            ? SpecializedVersusGeneric.Batch(config, seed: 1, largeLengths.First, largeLengths.Second)
            : SpecializedVersusGeneric.Batch(config, seed: 1, firstLength: 7, secondLength: 37);
        string expectedName = SpecializationTable.All.Values.Single(entry => entry.ConfigFile == file).Name;
        foreach (IBackend created in backends)
        {
            using IBackend backend = created;
            IFusedDenoiseStep step = backend.Specialize(ModelShape.Of(config))
                ?? throw new Xunit.Sdk.XunitException($"{backend.Name}: no specialization for {file}");

            string kernels = SpecializedVersusGeneric.AssertBitwiseEqual(family, config, weights, backend, step, batch);

            Assert.Equal($"specialized:{expectedName}", kernels);
        }
    }

    /// <summary>The shipped config, cut to one layer and a small vocabulary when it is at least <see cref="LargeHidden"/> wide.</summary>
    private static (IModelFamily Family, TransformerConfig Config, bool Large) Read(string file)
    {
        string path = Path.Combine(FixturePaths.RepositoryRoot, "src", "Specializations", file);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        IModelFamily family = ModelRegistry.Resolve(document.RootElement.GetProperty("model_type").GetString()!, path);
        TransformerConfig shipped = family.ParseConfig(document.RootElement, path);
        bool large = shipped.HiddenSize >= LargeHidden;
        return large
            ? (family, shipped with { NumLayers = 1, VocabSize = 64, MaskTokenId = 63, EosTokenId = 62, PadTokenId = 62, BosTokenId = null }, true)
            : (family, shipped, false);
    }
}
