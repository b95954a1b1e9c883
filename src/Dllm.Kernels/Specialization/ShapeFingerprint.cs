namespace Dllm.Kernels.Specialization;

/// <summary>
/// A stable 64-bit FNV-1a hash over every <see cref="ModelShape"/> field, in declaration order. It must
/// not depend on the runtime (no <c>GetHashCode</c>): the generator computes it at build time and the
/// engine at load, and the two must agree.
/// </summary>
/// <remarks>Compiled into both the engine and the source generator (netstandard2.0).</remarks>
public static class ShapeFingerprint
{
    // Bump when the fields or their encoding change, so old fingerprints can never match new shapes.
    private const ulong FormatVersion = 1;

    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(ModelShape shape)
    {
        ulong hash = OffsetBasis;
        Mix(ref hash, FormatVersion);
        Mix(ref hash, (ulong)shape.HiddenSize);
        Mix(ref hash, (ulong)shape.NumLayers);
        Mix(ref hash, (ulong)shape.NumHeads);
        Mix(ref hash, (ulong)shape.NumKvHeads);
        Mix(ref hash, (ulong)shape.IntermediateSize);
        Mix(ref hash, (ulong)shape.VocabSize);
        Mix(ref hash, shape.QkvBias ? 1UL : 0UL);
        // Widening float to double is exact, so the double's bits identify the float.
        Mix(ref hash, (ulong)System.BitConverter.DoubleToInt64Bits(shape.RopeTheta));
        Mix(ref hash, (ulong)System.BitConverter.DoubleToInt64Bits(shape.RmsNormEps));
        return hash;
    }

    private static void Mix(ref ulong hash, ulong word)
    {
        for (int shift = 0; shift < 64; shift += 8)
        {
            hash ^= (word >> shift) & 0xFF;
            hash *= Prime;
        }
    }
}
