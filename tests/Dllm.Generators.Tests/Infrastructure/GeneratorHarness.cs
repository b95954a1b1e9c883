extern alias generator;
using Dllm.Core.Config;
using Dllm.Kernels.Specialization;
using generator::Dllm.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dllm.Generators.Tests.Infrastructure;

/// <summary>Runs the generator in memory over config texts and compiles what it writes.</summary>
internal static class GeneratorHarness
{
    /// <summary>The framework plus the engine assemblies the generated code uses, and nothing that already holds generated types.</summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(ModelShape).Assembly.Location)
            .Append(typeof(TransformerConfig).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Specialized",
            sources.Select(source => CSharpSyntaxTree.ParseText(source)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver that records every step, so tests can see what ran and what came from cache.</summary>
    public static GeneratorDriver Driver(params AdditionalText[] configs) =>
        CSharpGeneratorDriver.Create(
            [new SpecializationGenerator().AsSourceGenerator()],
            configs,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorOutcome Run(params AdditionalText[] configs)
    {
        GeneratorDriver driver = Driver(configs).RunGeneratorsAndUpdateCompilation(Compilation(), out Compilation output, out _);
        return new GeneratorOutcome(driver.GetRunResult().Results.Single(), output);
    }
}
