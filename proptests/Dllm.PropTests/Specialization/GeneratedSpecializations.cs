extern alias generator;
using System.Collections.Concurrent;
using System.Reflection;
using Dllm.Core.Config;
using Dllm.Generators.Tests.Infrastructure;
using Dllm.Kernels.Specialization;
using generator::Dllm.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Dllm.PropTests.Specialization;

/// <summary>
/// Runs the source generator over a config text at test time, compiles exactly what it writes against the
/// engine's Dllm.Kernels, loads the assembly and returns its table entry: the generated shape struct,
/// ready for a backend to instantiate its fused kernels over. Cached per config text.
/// </summary>
internal static class GeneratedSpecializations
{
    private static readonly ConcurrentDictionary<string, SpecializationEntry> Cache = new();
    private static int _assemblies;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(ModelShape).Assembly.Location)
            .Append(typeof(TransformerConfig).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public static SpecializationEntry For(string configJson) => Cache.GetOrAdd(configJson, Generate);

    private static SpecializationEntry Generate(string configJson)
    {
        var config = new InMemoryAdditionalText(Path.Combine("random", "Specializations", "random-tiny.json"), configJson);
        CSharpCompilation empty = CSharpCompilation.Create(
            $"GeneratedSpecialization{Interlocked.Increment(ref _assemblies)}",
            [],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new SpecializationGenerator().AsSourceGenerator()], [config])
            .RunGeneratorsAndUpdateCompilation(empty, out Compilation output, out var generatorDiagnostics);
        Diagnostic[] problems = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidOperationException($"The generator's output for {configJson} has problems: {string.Join("; ", problems.Select(p => p.ToString()))}");
        }
        using var image = new MemoryStream();
        EmitResult emitted = output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"The generator's output does not emit: {string.Join("; ", emitted.Diagnostics)}");
        }
        Assembly assembly = Assembly.Load(image.ToArray());
        var table = (IReadOnlyDictionary<ulong, SpecializationEntry>)assembly
            .GetType("Dllm.Specializations.SpecializationTable", throwOnError: true)!
            .GetProperty("All")!
            .GetValue(null)!;
        return table.Values.Single();
    }
}
