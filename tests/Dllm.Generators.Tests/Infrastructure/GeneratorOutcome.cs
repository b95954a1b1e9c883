using Dllm.Core.Config;
using Dllm.Kernels.Specialization;
using Microsoft.CodeAnalysis;

namespace Dllm.Generators.Tests.Infrastructure;

/// <summary>What one generator run reported and wrote, and the compilation with its output added.</summary>
internal sealed record GeneratorOutcome(GeneratorRunResult Result, Compilation Output)
{
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public IEnumerable<string> HintNames => Result.GeneratedSources.Select(source => source.HintName);

    /// <summary>The one config class generated (the table aside).</summary>
    public string SingleClassName => HintNames.Single(hint => hint != "SpecializationTable.g.cs")[..^".g.cs".Length];

    /// <summary>Problems in the compiled output (the generator's own diagnostics excluded).</summary>
    public IEnumerable<Diagnostic> CompileProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

    /// <summary>Asserts that a generated class holds the dimensions the engine read from the same config.</summary>
    public void AssertConstantsMatch(string className, TransformerConfig engine)
    {
        Assert.Equal(engine.HiddenSize, Constant(className, "HiddenSize"));
        Assert.Equal(engine.NumLayers, Constant(className, "NumLayers"));
        Assert.Equal(engine.NumHeads, Constant(className, "NumHeads"));
        Assert.Equal(engine.NumKvHeads, Constant(className, "NumKvHeads"));
        Assert.Equal(engine.HeadDim, Constant(className, "HeadDim"));
        Assert.Equal(engine.IntermediateSize, Constant(className, "IntermediateSize"));
        Assert.Equal(engine.VocabSize, Constant(className, "VocabSize"));
        Assert.Equal(engine.QkvBias, Constant(className, "QkvBias"));
        Assert.Equal(engine.RopeTheta, Constant(className, "RopeTheta"));
        Assert.Equal(engine.RmsNormEps, Constant(className, "RmsNormEps"));
        Assert.Equal(engine.ModelType, Constant(className, "ModelType"));
        Assert.Equal(ShapeFingerprint.Of(ModelShape.Of(engine)), Constant(className, "Fingerprint"));
    }

    /// <summary>A constant of a generated class, read through the compiler's symbols.</summary>
    public object? Constant(string className, string name)
    {
        INamedTypeSymbol type = Output.GetTypeByMetadataName($"Dllm.Specializations.{className}")
            ?? throw new Xunit.Sdk.XunitException($"no generated class {className}; generated: {string.Join(", ", HintNames)}");
        IFieldSymbol field = type.GetMembers(name).OfType<IFieldSymbol>().Single();
        Assert.True(field.HasConstantValue, $"{className}.{name} is not a constant");
        return field.ConstantValue;
    }
}
