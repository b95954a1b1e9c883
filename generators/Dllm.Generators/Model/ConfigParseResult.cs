using Dllm.Generators.Diagnostics;

namespace Dllm.Generators.Model;

/// <summary>One config file, parsed: a specialization, or none and the diagnostics that say why.</summary>
internal sealed record ConfigParseResult(Specialization? Specialization, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static ConfigParseResult Valid(Specialization specialization) => new(specialization, EquatableArray<DiagnosticInfo>.Empty);

    public static ConfigParseResult Rejected(DiagnosticInfo diagnostic) => new(null, new EquatableArray<DiagnosticInfo>([diagnostic]));
}
