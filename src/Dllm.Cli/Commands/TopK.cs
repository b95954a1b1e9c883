using System.Globalization;
using Dllm.Core.Errors;

namespace Dllm.Cli.Commands;

/// <summary>The --top-k flag's text form: a positive number, "none", or absent.</summary>
public static class TopK
{
    /// <summary>The options with --top-k applied; a malformed value is an <see cref="InvalidRequestException"/>.</summary>
    public static GenerateOptions Apply(GenerateOptions options, string? topK) => topK switch
    {
        null => options,
        "none" => options with { NoTopK = true },
        _ when int.TryParse(topK, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k > 0 => options with { TopK = k },
        _ => throw new InvalidRequestException($"--top-k takes a positive number or 'none', not '{topK}'."),
    };
}
