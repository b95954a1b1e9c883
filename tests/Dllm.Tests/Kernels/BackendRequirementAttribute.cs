namespace Dllm.Tests.Kernels;

/// <summary>Marks a backend test class that needs something of this machine; its <see cref="BackendFactAttribute"/> facts are skipped, with the reason, where it is missing.</summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class BackendRequirementAttribute : Attribute
{
    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public abstract string? SkipReason { get; }
}
