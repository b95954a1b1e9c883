using System.Text.Json.Nodes;
using Dllm.Core.Dtypes;
using Dllm.Core.SafeTensors;
using Dllm.Cpu;
using Dllm.Models;
using Dllm.Models.Common;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Core;

/// <summary>
/// Random weights written as a model folder and mapped back, and a checkpoint copied into memory, are
/// the same model: their forward passes agree bitwise with the weights they came from.
/// </summary>
public sealed class ModelFolderWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dllm-folder-{Guid.NewGuid():N}");

    [Fact]
    [Trait("Category", "Fixtures")]
    public void A_written_folder_maps_back_to_the_weights_it_was_written_from()
    {
        JsonObject configJson = JsonNode.Parse(File.ReadAllText(Path.Combine(FixturePaths.Model("llada-tiny"), "config.json")))!.AsObject();
        var (family, config) = DiffusionModel.ReadConfig(FixturePaths.Model("llada-tiny"));
        using var backend = new CpuBackend();
        using (InMemoryWeights written = RandomWeights.Create(config, family, seed: 3, DType.BF16))
        {
            ModelFolderWriter.Write(_folder, configJson, written);
        }

        using DiffusionModel fromMemory = DiffusionModel.Create(family, config, RandomWeights.Create(config, family, seed: 3, DType.BF16), backend);
        using DiffusionModel fromFolder = DiffusionModel.Load(_folder, backend);

        Assert.Equal(Logits(fromMemory), Logits(fromFolder));
    }

    [Theory]
    [InlineData("llada-tiny")]
    [InlineData("dream-tiny-bf16-sharded")]
    [Trait("Category", "Fixtures")]
    public void A_checkpoint_copied_into_memory_computes_what_the_mapped_one_does(string fixture)
    {
        string directory = FixturePaths.Model(fixture);
        var (family, config) = DiffusionModel.ReadConfig(directory);
        using var backend = new CpuBackend();
        using DiffusionModel mapped = DiffusionModel.Load(directory, backend);
        using Checkpoint checkpoint = Checkpoint.Open(directory);
        using DiffusionModel copied = DiffusionModel.Create(family, config, InMemoryWeights.CopyOf(checkpoint), backend);

        Assert.Equal(Logits(mapped), Logits(copied));
    }

    /// <summary>The logits of three scored rows, concatenated.</summary>
    private static float[] Logits(DiffusionModel model)
    {
        ForwardResult result = model.Forward([new ForwardSequence { Ids = [1, 5, 9, 2, 7, 3], ScorePositions = [0, 2, 5], ReturnLogits = true }]);
        return [.. result.LogitsRow(0, 0), .. result.LogitsRow(0, 1), .. result.LogitsRow(0, 2)];
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
