extern alias generator;
using System.Reflection;
using Dllm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using GeneratorDiagnostics = generator::Dllm.Generators.Diagnostics.GeneratorDiagnostics;

namespace Dllm.Generators.Tests;

/// <summary>generators/README.md documents every diagnostic the generator can report.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void The_diagnostics_table_lists_every_id_with_its_severity()
    {
        string readme = File.ReadAllText(Path.Combine(ShippedConfigs.RepositoryRoot, "generators", "README.md"));
        IEnumerable<DiagnosticDescriptor> descriptors = typeof(GeneratorDiagnostics)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

        Assert.All(descriptors, d => Assert.Contains($"| {d.Id} | {d.DefaultSeverity} |", readme, StringComparison.Ordinal));
    }
}
