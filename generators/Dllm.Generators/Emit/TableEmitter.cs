using System.Text;
using Dllm.Generators.Model;

namespace Dllm.Generators.Emit;

/// <summary>
/// Emits <c>SpecializationTable.All</c>: every specialized shape, keyed by fingerprint. Always emitted,
/// empty when no config is valid, so the engine's lookup compiles whatever the configs are.
/// </summary>
internal static class TableEmitter
{
    public const string ClassName = "SpecializationTable";

    public const string HintName = ClassName + ".g.cs";

    public static string Emit(EquatableArray<Specialization> specializations)
    {
        string entry = $"{GeneratedSource.ShapeTypes}.SpecializationEntry";
        var source = new StringBuilder(GeneratedSource.Header("the configs"));
        source.Append($$"""
            /// <summary>Every shape this assembly has a specialization for, keyed by its fingerprint.</summary>
            public static class {{ClassName}}
            {
                public static global::System.Collections.Generic.IReadOnlyDictionary<ulong, {{entry}}> All { get; } =
                    new global::System.Collections.Generic.Dictionary<ulong, {{entry}}>
                    {

            """);
        foreach (Specialization specialization in specializations)
        {
            source.AppendLine($"            [{specialization.ClassName}.Fingerprint] = {specialization.ClassName}.Entry,");
        }
        source.Append("""
                    };
            }

            """);
        return source.ToString();
    }
}
