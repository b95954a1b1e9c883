using System.Collections.Immutable;
using Dllm.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dllm.Generators.Model;

/// <summary>
/// The specializations to emit, in file-name order, after dropping configs whose shape or class name
/// another config already claimed (the table is keyed by fingerprint, and class names must be unique).
/// </summary>
internal sealed record SpecializationPlan(EquatableArray<Specialization> Specializations, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static SpecializationPlan From(ImmutableArray<Specialization> candidates)
    {
        var kept = new List<Specialization>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (Specialization candidate in candidates
            .OrderBy(s => s.ConfigFile, StringComparer.Ordinal)
            .ThenBy(s => s.FilePath, StringComparer.Ordinal))
        {
            Specialization? sameShape = kept.FirstOrDefault(k => k.Shape.Fingerprint == candidate.Shape.Fingerprint);
            Specialization? sameName = kept.FirstOrDefault(k => k.ClassName == candidate.ClassName);
            if (sameShape is not null)
            {
                diagnostics.Add(Duplicate(candidate, $"same shape as {sameShape.ConfigFile}", sameShape));
            }
            else if (sameName is not null)
            {
                diagnostics.Add(Duplicate(candidate, $"same class name {candidate.ClassName} as {sameName.ConfigFile}", sameName));
            }
            else
            {
                kept.Add(candidate);
            }
        }
        return new SpecializationPlan(new EquatableArray<Specialization>(kept.ToArray()), new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    // Points at the start of the dropped file: the clash is between files, not at any one value.
    private static DiagnosticInfo Duplicate(Specialization dropped, string clash, Specialization winner) =>
        new(GeneratorDiagnostics.DuplicateSpecialization, dropped.FilePath, default, default(LinePositionSpan),
            new EquatableArray<string>([dropped.ConfigFile, clash, winner.ConfigFile]));
}
