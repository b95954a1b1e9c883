using Dllm.Generators.Diagnostics;
using Dllm.Generators.Emit;
using Dllm.Generators.Model;
using Dllm.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Dllm.Generators;

/// <summary>
/// Specializes the engine for each model config given as an additional file under a
/// <c>Specializations</c> folder: parse each config into an equatable spec, plan the set (one per
/// shape), then emit a class per spec and the table. Invalid configs give diagnostics, not code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecializationGenerator : IIncrementalGenerator
{
    /// <summary>Step names the caching tests observe.</summary>
    public static class TrackingNames
    {
        public const string ParsedConfigs = nameof(ParsedConfigs);
        public const string Plan = nameof(Plan);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ConfigParseResult> parsed = context.AdditionalTextsProvider
            .Where(file => SpecializationFiles.Matches(file.Path))
            .Select((file, cancellationToken) => ConfigParser.Parse(file.Path, file.GetText(cancellationToken)))
            .WithTrackingName(TrackingNames.ParsedConfigs);

        context.RegisterSourceOutput(parsed, static (output, result) => Report(output, result.Diagnostics));

        IncrementalValueProvider<SpecializationPlan> plan = parsed
            .Where(result => result.Specialization is not null)
            .Select((result, _) => result.Specialization!)
            .Collect()
            .Select((specializations, _) => SpecializationPlan.From(specializations))
            .WithTrackingName(TrackingNames.Plan);

        context.RegisterSourceOutput(plan, static (output, plan) =>
        {
            Report(output, plan.Diagnostics);
            foreach (Specialization specialization in plan.Specializations)
            {
                output.AddSource(SpecializationEmitter.HintName(specialization), SpecializationEmitter.Emit(specialization));
            }
            output.AddSource(TableEmitter.HintName, TableEmitter.Emit(plan.Specializations));
        });
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
