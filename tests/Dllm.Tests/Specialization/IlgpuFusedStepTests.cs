using Dllm.Core.SafeTensors;
using Dllm.Gpu;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Models;
using Dllm.Tests.Fixtures;
using Dllm.Tests.Gpu;

namespace Dllm.Tests.Specialization;

/// <summary>
/// The ILGPU backend's fused step, on ILGPU's CPU accelerator (what CI has): picked at load like the CPU
/// one, bitwise equal to the generic ops on the same backend, and batch invariant (DESIGN 3.3).
/// ShippedSpecializationTests covers every shipped shape; the fixture goldens run it by default.
/// </summary>
public sealed class IlgpuFusedStepTests
{
    [Theory]
    [InlineData("llada-tiny", "LladaTiny")]
    [InlineData("dream-tiny-bf16-sharded", "DreamTiny")]
    public void The_ilgpu_backend_specializes_the_fixture_models_unless_told_not_to(string model, string specialization)
    {
        using IlgpuBackend backend = TestGpuDevices.CpuAcceleratorBackend();
        using DiffusionModel specialized = DiffusionModel.Load(FixturePaths.Model(model), backend, KernelChoice.Specialized);
        using DiffusionModel generic = DiffusionModel.Load(FixturePaths.Model(model), backend, KernelChoice.Generic);

        Assert.Equal($"specialized:{specialization}", specialized.Kernels);
        Assert.Equal("generic", generic.Kernels);
    }

    [Theory]
    [InlineData("llada-tiny")]
    [InlineData("dream-tiny-bf16-sharded")]
    public void The_fused_step_leaves_the_hidden_states_and_statistics_of_the_generic_ops(string model)
    {
        using IlgpuBackend backend = TestGpuDevices.CpuAcceleratorBackend();
        AssertFusedEqualsGeneric(backend, model);
    }

    /// <summary>Loads fixture <paramref name="model"/> on <paramref name="backend"/> and compares its fused step with the generic ops, bitwise.</summary>
    internal static void AssertFusedEqualsGeneric(IlgpuBackend backend, string model)
    {
        using DiffusionModel loaded = DiffusionModel.Load(FixturePaths.Model(model), backend, KernelChoice.Generic);
        using Checkpoint weights = Checkpoint.Open(FixturePaths.Model(model));
        ForwardSequence[] batch = SpecializedVersusGeneric.Batch(loaded.Config, seed: 3, firstLength: 5, secondLength: 19);
        IFusedDenoiseStep step = backend.Specialize(ModelShape.Of(loaded.Config))!;

        string kernels = SpecializedVersusGeneric.AssertBitwiseEqual(loaded.Family, loaded.Config, weights, backend, step, batch);

        Assert.StartsWith("specialized:", kernels, StringComparison.Ordinal);
    }

    [Fact]
    public void Through_the_fused_step_a_sequence_scores_bitwise_the_same_alone_and_anywhere_in_a_batch()
    {
        using IlgpuBackend aloneBackend = TestGpuDevices.CpuAcceleratorBackend();
        using IlgpuBackend batchBackend = TestGpuDevices.CpuAcceleratorBackend();
        using DiffusionModel alone = DiffusionModel.Load(FixturePaths.Model("dream-tiny"), aloneBackend, KernelChoice.Specialized);
        using DiffusionModel batched = DiffusionModel.Load(FixturePaths.Model("dream-tiny"), batchBackend, KernelChoice.Specialized);
        Assert.StartsWith("specialized:", batched.Kernels, StringComparison.Ordinal);
        ForwardSequence[] others = SpecializedVersusGeneric.Batch(batched.Config, seed: 5, firstLength: 9, secondLength: 23);
        ForwardSequence target = WithLogits(SpecializedVersusGeneric.Batch(batched.Config, seed: 8, firstLength: 4, secondLength: 13)[1]);

        ForwardResult expected = alone.Forward([target]);

        ForwardSequence[][] batches = [[target, .. others], [others[0], target, others[1]], [.. others, target]];
        foreach (ForwardSequence[] batch in batches)
        {
            int at = Array.IndexOf(batch, target);
            ForwardResult actual = batched.Forward(batch);
            Assert.Equal(expected.Stats[0], actual.Stats[at]);
            Assert.Equal(expected.Logits[0]!.Select(BitConverter.SingleToInt32Bits), actual.Logits[at]!.Select(BitConverter.SingleToInt32Bits));
        }
    }

    private static ForwardSequence WithLogits(ForwardSequence sequence) => new()
    {
        Ids = sequence.Ids,
        PositionIds = sequence.PositionIds,
        Mask = sequence.Mask,
        ScorePositions = sequence.ScorePositions,
        ReturnLogits = true,
    };
}
