using System.Globalization;

namespace Dllm.Cli.Rendering;

/// <summary>The one-line cost summary printed to stderr after a plain run.</summary>
public static class GenerationSummary
{
    public static string Format(GenerationResult result, string backendName, string kernels) => string.Create(
        CultureInfo.InvariantCulture,
        $"{result.Decoder}: {result.Ids.Length} tokens, {result.Stats.ForwardCalls} forward calls, {result.Stats.TokensPerCall:0.00} tokens/call, {result.Stats.Elapsed.TotalMilliseconds:0} ms, {backendName}, {kernels} kernels");
}
