using Dllm.Core.SafeTensors;
using Dllm.Cpu;
using Dllm.Gpu;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Models;
using Dllm.Models.Common;
using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using Dllm.PropTests.Specialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// Generated == generic, bitwise (DESIGN 7), for random tiny configs run through the source generator at
/// test time: the config's JSON goes through the generator, its output is compiled and loaded, and the
/// CPU backend instantiates its fused kernels over the generated shape struct. On a random CPU path,
/// thread count and batch, that step and the generic ops give bitwise equal hidden states, row statistics
/// and logits, and the step is itself batch invariant (the target sequence alone on one thread scores the
/// same as inside the batch). The ILGPU backend's step is held to the same on ILGPU's CPU accelerator.
/// </summary>
public sealed class GeneratedSpecializationProperties
{
    [Property(MaxTest = 60)]
    public Property A_step_generated_for_a_random_config_equals_the_generic_block_bitwise() =>
        Prop.ForAll(ForwardBatchCase.Arbitrary, c =>
        {
            using var backend = new CpuBackend(c.Path, c.Threads);
            using var aloneBackend = new CpuBackend(c.Path, threads: 1);
            return SpecializedEqualsGeneric(c, backend, aloneBackend, (b, entry) => ((CpuBackend)b).Specialize(entry));
        });

    /// <summary>The same for the ILGPU backend's device-resident step, batched on one CPU-accelerator shape and alone on the other.</summary>
    [Property(MaxTest = 25)]
    public Property On_the_ILGPU_kernels_a_step_generated_for_a_random_config_equals_the_generic_block_bitwise() =>
        Prop.ForAll(ForwardBatchCase.Arbitrary, c =>
        {
            using IlgpuBackend backend = IlgpuBackendSet.Open(0);
            using IlgpuBackend aloneBackend = IlgpuBackendSet.Open(1);
            return SpecializedEqualsGeneric(c, backend, aloneBackend, (b, entry) => ((IlgpuBackend)b).Specialize(entry));
        });

    private static Property SpecializedEqualsGeneric(
        ForwardBatchCase c, IBackend backend, IBackend aloneBackend, Func<IBackend, SpecializationEntry, IFusedDenoiseStep> specialize)
    {
        SpecializationEntry entry = GeneratedSpecializations.For(c.Model.ConfigJson);
        using InMemoryWeights weights = RandomWeights.Create(c.Model.Config, c.Model.Definition, c.Model.Seed, c.Model.WeightType);
        using DiffusionModel generic = Build(c.Model, weights, backend, null);
        using DiffusionModel specialized = Build(c.Model, weights, backend, specialize(backend, entry));
        using DiffusionModel alone = Build(c.Model, weights, aloneBackend, specialize(aloneBackend, entry));

        bool hiddenEqual = BitwiseEqual(generic.HiddenStates(c.Batch), specialized.HiddenStates(c.Batch));
        ForwardResult expected = generic.Forward(c.Batch);
        ForwardResult actual = specialized.Forward(c.Batch);
        bool statsEqual = Enumerable.Range(0, c.Batch.Length).All(s => expected.Stats[s].SequenceEqual(actual.Stats[s]));
        bool logitsEqual = Enumerable.Range(0, c.Batch.Length).All(s => expected.Logits[s] is null || BitwiseEqual(expected.Logits[s]!, actual.Logits[s]!));
        bool batchInvariant = alone.Forward([c.Batch[c.Target]]).Stats[0].SequenceEqual(actual.Stats[c.Target]);
        return (entry.Shape.BlockShape() == ModelShape.Of(c.Model.Config).BlockShape()).Label("the generator read the engine's shape")
            .And(specialized.Kernels.Equals($"specialized:{entry.Name}", StringComparison.Ordinal).Label("the generated step ran"))
            .And(hiddenEqual.Label("hidden states bitwise equal"))
            .And(statsEqual.Label("row statistics bitwise equal"))
            .And(logitsEqual.Label("logits bitwise equal"))
            .And(batchInvariant.Label("the step is batch invariant"));
    }

    private static DiffusionModel Build(TinyModelSpec model, InMemoryWeights weights, IBackend backend, IFusedDenoiseStep? step) =>
        step is null
            ? DiffusionModel.Create(model.Definition, model.Config, new BorrowedWeights(weights), backend, kernels: KernelChoice.Generic)
            : DiffusionModel.Create(model.Definition, model.Config, new BorrowedWeights(weights), backend, directory: null, step);

    private static bool BitwiseEqual(float[] a, float[] b) =>
        a.Length == b.Length && a.Select(BitConverter.SingleToInt32Bits).SequenceEqual(b.Select(BitConverter.SingleToInt32Bits));
}
