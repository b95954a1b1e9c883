using Microsoft.CodeAnalysis;

namespace Dllm.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports; generators/README.md documents each id.</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "Dllm.Generators";

    public static readonly DiagnosticDescriptor MalformedJson = Error(
        "DLLMGEN001", "Malformed config JSON", "{0} is not valid JSON: {1}");

    public static readonly DiagnosticDescriptor MissingKey = Error(
        "DLLMGEN002", "Required config key missing", "{0}: required key '{1}' is missing");

    public static readonly DiagnosticDescriptor WrongValueType = Error(
        "DLLMGEN003", "Config value has the wrong type", "{0}: {1} must be {2}, found {3}");

    public static readonly DiagnosticDescriptor UnknownModelType = Error(
        "DLLMGEN004", "Unknown model_type", "{0}: unknown model_type \"{1}\"; supported: {2}");

    public static readonly DiagnosticDescriptor HiddenNotDivisibleByHeads = Error(
        "DLLMGEN005", "Hidden size not divisible by heads", "{0}: {1} {2} is not divisible by {3} {4}");

    public static readonly DiagnosticDescriptor HeadsNotDivisibleByKvHeads = Error(
        "DLLMGEN006", "Heads not divisible by KV heads", "{0}: {1} {2} is not divisible by {3} {4}");

    public static readonly DiagnosticDescriptor OddHeadDim = Error(
        "DLLMGEN007", "Odd head dimension",
        "{0}: head dimension {1} / {2} = {3} is odd; rotary embeddings rotate halves, so it must be even");

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        "DLLMGEN008", "Config value out of range", "{0}: {1}");

    public static readonly DiagnosticDescriptor UnsupportedShape = new(
        "DLLMGEN009", "Block not specialized", "{0}: not specialized, the generic kernels decide: {1}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateSpecialization = new(
        "DLLMGEN010", "Duplicate specialization", "{0}: {1} as {2}; only {2} is specialized",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
