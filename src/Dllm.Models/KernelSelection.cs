using Dllm.Core.Errors;

namespace Dllm.Models;

/// <summary>
/// Resolves <see cref="KernelChoice.FromEnvironment"/>: <c>DLLM_SPECIALIZE=0</c> (or false, off, no) forces
/// the generic kernels; unset, empty, 1, true, on or yes allow a specialization. Specialized and generic
/// kernels give bitwise the same results, so this only ever changes speed (and what is reported).
/// </summary>
public static class KernelSelection
{
    public const string EnvironmentVariable = "DLLM_SPECIALIZE";

    public static KernelChoice Resolve(KernelChoice choice) =>
        choice == KernelChoice.FromEnvironment ? Parse(Environment.GetEnvironmentVariable(EnvironmentVariable)) : choice;

    /// <summary>The choice a value of <see cref="EnvironmentVariable"/> makes.</summary>
    public static KernelChoice Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "1" or "true" or "on" or "yes" => KernelChoice.Specialized,
        "0" or "false" or "off" or "no" => KernelChoice.Generic,
        _ => throw new InvalidRequestException($"{EnvironmentVariable}={value} is not understood; use 1 (specialized kernels when the model has them) or 0 (generic kernels)."),
    };
}
