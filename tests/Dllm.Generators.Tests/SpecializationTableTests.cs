using Dllm.Generators.Tests.Infrastructure;
using Dllm.Kernels.Specialization;
using Dllm.Specializations;

namespace Dllm.Generators.Tests;

/// <summary>
/// The table the generator wrote into Dllm.Specializations at build time: selection at load will look a model up
/// by the fingerprint of the engine's own reading of its config.json.
/// </summary>
public sealed class SpecializationTableTests
{
    public static TheoryData<string> Files => new(ShippedConfigs.FileNames());

    [Theory]
    [MemberData(nameof(Files))]
    public void The_engine_finds_each_shipped_config_by_the_fingerprint_of_its_own_reading(string file)
    {
        ModelShape shape = ModelShape.Of(ShippedConfigs.ReadByEngine(file));

        Assert.True(SpecializationTable.All.TryGetValue(shape.Fingerprint, out SpecializationEntry? entry),
            $"no specialization for {file} (fingerprint {shape.Fingerprint:X16})");
        Assert.Equal(file, entry.ConfigFile);
        Assert.Equal(shape, entry.Shape);
    }

    [Fact]
    public void The_table_has_one_entry_per_shipped_config()
    {
        Assert.Equal(ShippedConfigs.FileNames(), SpecializationTable.All.Values.Select(e => e.ConfigFile).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_key_computed_at_build_time_equals_the_fingerprint_computed_at_run_time()
    {
        Assert.All(SpecializationTable.All, pair => Assert.Equal(pair.Key, pair.Value.Shape.Fingerprint));
    }

    [Fact]
    public void Each_entry_hands_backends_a_shape_struct_whose_constants_are_the_entry_s_shape()
    {
        Assert.All(SpecializationTable.All.Values, entry => Assert.Equal(entry.Shape.BlockShape(), entry.Accept(new StaticShapeReader()).BlockShape()));
    }

    /// <summary>Reads a generated shape struct's static constants back into a <see cref="ModelShape"/> (block fields only).</summary>
    private sealed class StaticShapeReader : IShapeVisitor<ModelShape>
    {
        public ModelShape Visit<TShape>() where TShape : struct, IStaticModelShape
        {
            Assert.Equal(TShape.HiddenSize, TShape.NumHeads * TShape.HeadDim);
            return new ModelShape(TShape.HiddenSize, 0, TShape.NumHeads, TShape.NumKvHeads, TShape.IntermediateSize, 0,
                TShape.QkvBias, TShape.Shape.RopeTheta, TShape.RmsNormEps);
        }
    }
}
