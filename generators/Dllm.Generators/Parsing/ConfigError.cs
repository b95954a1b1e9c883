using Dllm.Generators.Diagnostics;

namespace Dllm.Generators.Parsing;

/// <summary>Stops reading a config at its first problem, carrying the diagnostic to report.</summary>
internal sealed class ConfigError(DiagnosticInfo diagnostic) : Exception(diagnostic.Descriptor.Id)
{
    public DiagnosticInfo Diagnostic { get; } = diagnostic;
}
