using System.Text.RegularExpressions;

namespace Dllm.Gpu.Cuda.Ptx;

/// <summary>
/// The kernel entry of a PTX module: its name and the byte size of each parameter, read from the
/// <c>.entry</c> signature. ILGPU's PTX for an implicitly grouped kernel takes the launch extent first
/// (<c>.b32</c>), then the kernel's parameters in order (an explicitly grouped one, only the parameters), structs as aligned byte arrays: an
/// <c>ArrayView&lt;T&gt;</c> is 16 bytes (device pointer, then 64-bit length), a struct of n ints is 4n bytes.
/// </summary>
public sealed partial record PtxEntry(string Name, IReadOnlyList<int> ParameterSizes)
{
    /// <summary>Parses the single <c>.entry</c> of <paramref name="ptx"/>.</summary>
    /// <exception cref="FormatException">No entry, or a parameter this parser does not know.</exception>
    public static PtxEntry Parse(string ptx)
    {
        Match entry = EntryPattern().Match(ptx);
        if (!entry.Success)
        {
            throw new FormatException("The PTX has no .visible .entry.");
        }
        var sizes = new List<int>();
        foreach (string parameter in entry.Groups["parameters"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Match match = ParameterPattern().Match(parameter);
            if (!match.Success)
            {
                throw new FormatException($"Unrecognised PTX parameter '{parameter}' in {entry.Groups["name"].Value}.");
            }
            int elementBytes = int.Parse(match.Groups["bits"].Value, System.Globalization.CultureInfo.InvariantCulture) / 8;
            int count = match.Groups["count"].Success ? int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            sizes.Add(elementBytes * count);
        }
        return new PtxEntry(entry.Groups["name"].Value, sizes);
    }

    /// <summary>One manifest line: name, then the parameter sizes in bytes.</summary>
    public string Describe() => $"{Name}({string.Join(", ", ParameterSizes)})";

    [GeneratedRegex(@"\.visible\s+\.entry\s+(?<name>[A-Za-z_$][\w$]*)\s*\((?<parameters>[^)]*)\)")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"^\.param\s+(\.align\s+\d+\s+)?\.[bsuf](?<bits>\d+)\s+[\w$]+(\[(?<count>\d+)\])?$")]
    private static partial Regex ParameterPattern();
}
