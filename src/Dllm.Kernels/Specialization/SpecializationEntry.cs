namespace Dllm.Kernels.Specialization;

/// <summary>
/// One row of a generated specialization table: which generated class specializes which shape, the
/// config file it was generated from, and (through <see cref="Accept{TResult}"/>) its shape struct.
/// </summary>
public abstract record SpecializationEntry(string Name, string ConfigFile, ModelShape Shape)
{
    /// <summary>Calls <paramref name="visitor"/> with the generated <see cref="IStaticModelShape"/> struct of this shape.</summary>
    public abstract TResult Accept<TResult>(IShapeVisitor<TResult> visitor);
}
