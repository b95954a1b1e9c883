namespace Dllm.Generators;

/// <summary>Which additional files are model configs to specialize: <c>Specializations/*.json</c>.</summary>
internal static class SpecializationFiles
{
    public const string FolderName = "Specializations";

    public static bool Matches(string path) =>
        Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
        && Path.GetFileName(Path.GetDirectoryName(path)) == FolderName;
}
