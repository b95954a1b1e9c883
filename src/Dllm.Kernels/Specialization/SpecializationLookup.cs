namespace Dllm.Kernels.Specialization;

/// <summary>Finds the table entry whose kernels fit a model's shape.</summary>
public static class SpecializationLookup
{
    /// <summary>
    /// The entry for <paramref name="shape"/>: by fingerprint first, then any entry with an equal
    /// <see cref="ModelShape.BlockShape()"/>. The fused step never reads the layer count or the vocabulary, so a
    /// model cut to fewer layers (the 2-layer 8B bench, 1-layer tests) runs the same kernels as the full
    /// model. Null when none fits.
    /// </summary>
    public static SpecializationEntry? Find(IReadOnlyDictionary<ulong, SpecializationEntry> table, ModelShape shape)
    {
        if (table.TryGetValue(shape.Fingerprint, out SpecializationEntry? exact) && exact.Shape == shape)
        {
            return exact;
        }
        return table.Values
            .Where(entry => entry.Shape.BlockShape() == shape.BlockShape())
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
