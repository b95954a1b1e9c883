using Dllm.Core.Config;
using Dllm.Core.Dtypes;
using Dllm.Core.Errors;
using Dllm.Core.SafeTensors;
using Dllm.Cpu;
using Dllm.Kernels;
using Dllm.Kernels.Reference;
using Dllm.Kernels.Specialization;
using Dllm.Models;
using Dllm.Models.Common;
using Dllm.Models.Llada;
using Dllm.Specializations;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Specialization;

/// <summary>How a model picks its kernels at load: the table lookup, the backend's offer, the option and the environment variable.</summary>
public sealed class KernelSelectionTests
{
    [Theory]
    [InlineData(null, KernelChoice.Specialized)]
    [InlineData("", KernelChoice.Specialized)]
    [InlineData("1", KernelChoice.Specialized)]
    [InlineData(" On ", KernelChoice.Specialized)]
    [InlineData("0", KernelChoice.Generic)]
    [InlineData("false", KernelChoice.Generic)]
    [InlineData("OFF", KernelChoice.Generic)]
    public void DLLM_SPECIALIZE_values_choose_the_kernels(string? value, KernelChoice expected)
    {
        Assert.Equal(expected, KernelSelection.Parse(value));
    }

    [Fact]
    public void An_unknown_DLLM_SPECIALIZE_value_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidRequestException>(() => KernelSelection.Parse("sometimes"));
        Assert.Contains(KernelSelection.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lookup_finds_a_shape_by_fingerprint_and_a_cut_down_model_by_its_block()
    {
        ModelShape full = LLaDA8BInstruct.Shape;
        ModelShape cut = full with { NumLayers = 2, VocabSize = 64 };

        Assert.Same(LLaDA8BInstruct.Entry, SpecializationLookup.Find(SpecializationTable.All, full));
        Assert.Same(LLaDA8BInstruct.Entry, SpecializationLookup.Find(SpecializationTable.All, cut));
        Assert.Null(SpecializationLookup.Find(SpecializationTable.All, full with { IntermediateSize = 12289 }));
        Assert.Null(SpecializationLookup.Find(SpecializationTable.All, full with { RmsNormEps = 1e-6f }));
    }

    [Fact]
    public void A_backend_without_specializations_runs_the_generic_kernels()
    {
        using DiffusionModel model = DiffusionModel.Load(FixturePaths.Model("llada-tiny"), new ReferenceBackend(), KernelChoice.Specialized);

        Assert.Equal("generic", model.Kernels);
    }

    [Fact]
    public void The_cpu_backend_specializes_the_fixture_model_unless_told_not_to()
    {
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        using DiffusionModel specialized = DiffusionModel.Load(FixturePaths.Model("llada-tiny"), backend, KernelChoice.Specialized);
        using DiffusionModel generic = DiffusionModel.Load(FixturePaths.Model("llada-tiny"), backend, KernelChoice.Generic);

        Assert.Equal("specialized:LladaTiny", specialized.Kernels);
        Assert.Equal("generic", generic.Kernels);
    }

    [Fact]
    public void A_step_for_another_shape_is_refused()
    {
        TransformerConfig config = TinyConfig();
        var family = new LladaFamily();
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        IFusedDenoiseStep step = backend.Specialize(DreamTiny.Entry);
        using InMemoryWeights weights = RandomWeights.Create(config, family, seed: 1, DType.F32);

        var error = Assert.Throws<ArgumentException>(() => DiffusionModel.Create(family, config, new BorrowedWeights(weights), backend, directory: null, step));
        Assert.Contains("DreamTiny", error.Message, StringComparison.Ordinal);
    }

    private static TransformerConfig TinyConfig() => new()
    {
        Family = ModelFamily.Llada,
        ModelType = "llada",
        HiddenSize = 64,
        NumLayers = 1,
        NumHeads = 4,
        NumKvHeads = 4,
        IntermediateSize = 176,
        VocabSize = 32,
        RopeTheta = 500000f,
        RmsNormEps = 1e-5f,
        QkvBias = false,
        MaskTokenId = 31,
        EosTokenId = 30,
        PadTokenId = 30,
        MaxSequenceLength = 64,
    };
}
