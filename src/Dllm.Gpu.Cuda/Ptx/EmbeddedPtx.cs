namespace Dllm.Gpu.Cuda.Ptx;

/// <summary>
/// The kernels' PTX as compiled by tools/PtxCompiler and embedded in this assembly (resources
/// <c>Ptx/NAME.ptx</c>, plus <c>Ptx/kernels.manifest</c> listing each kernel's entry and parameter sizes).
/// </summary>
public static class EmbeddedPtx
{
    private const string Prefix = "Ptx/";
    private const string Extension = ".ptx";

    /// <summary>The kernel names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(EmbeddedPtx).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The PTX text of kernel <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">No such kernel is embedded (a build that skipped the PTX).</exception>
    public static string Read(string name) => ReadResource(Prefix + name + Extension);

    /// <summary>Every embedded kernel with its parsed entry: needs no driver, so a build missing its PTX fails before the device is touched.</summary>
    public static IReadOnlyList<PtxModule> LoadAll() =>
        [.. Names.Select(name => Read(name)).Zip(Names, (ptx, name) => new PtxModule(name, ptx, PtxEntry.Parse(ptx)))];

    /// <summary>The manifest: one line per kernel, "name entry(sizes)".</summary>
    public static string Manifest => ReadResource(Prefix + "kernels.manifest");

    /// <summary>The manifest text for the given kernels, as tools/PtxCompiler writes it.</summary>
    public static string FormatManifest(IEnumerable<(string Name, string Ptx)> kernels) =>
        string.Concat(kernels.OrderBy(kernel => kernel.Name, StringComparer.Ordinal)
            .Select(kernel => $"{kernel.Name} {PtxEntry.Parse(kernel.Ptx).Describe()}\n"));

    private static string ReadResource(string resource)
    {
        using Stream stream = typeof(EmbeddedPtx).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"This build of dllm has no embedded {resource}; regenerate it with tools/PtxCompiler.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
