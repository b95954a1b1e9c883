using Dllm.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dllm.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data. A <see cref="Diagnostic"/> cannot sit in the incremental
/// pipeline's cache (it does not compare by value), so it is built only when reported.
/// </summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceText text, TextSpan span, params string[] messageArgs) =>
        new(descriptor, filePath, span, text.Lines.GetLinePositionSpan(span), new EquatableArray<string>(messageArgs));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location.Create(FilePath, Span, LineSpan), MessageArgs.ToObjectArray());
}
