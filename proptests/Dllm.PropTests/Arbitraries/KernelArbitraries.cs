using Dllm.Kernels;
using FsCheck;
using FsCheck.Fluent;

namespace Dllm.PropTests.Arbitraries;

/// <summary>
/// Random kernel shapes that hit every tail: lengths around vector widths (4, 8, 16), the matmul tile
/// (12 weight rows, two 16-row vectors) and depth block (256), primes, and 1. Data comes from a seed in
/// the case, so the printed case reproduces it. Cases do not shrink; the shapes are small already.
/// </summary>
public static class KernelArbitraries
{
    private static readonly int[] InterestingDepths = [1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 251, 255, 256, 257, 293, 300];

    /// <summary>K in 1..300: uniform, or one of the boundary and prime lengths.</summary>
    public static Gen<int> Depth => Gen.OneOf(Gen.Choose(1, 300), Gen.Elements(InterestingDepths));

    /// <summary>
    /// M mostly 1..9; sometimes up to 40 so the 16-lane path also runs its two-vector tile and its tail;
    /// rarely 250..280, where a matmul deeper than 256 walks its panel in several depth chunks.
    /// </summary>
    public static Gen<int> Rows => Gen.Frequency((16, Gen.Choose(1, 9)), (4, Gen.Choose(10, 40)), (1, Gen.Choose(250, 280)));

    public static Gen<int> Seed => Gen.Choose(0, int.MaxValue - 100);

    /// <summary>
    /// Mostly short; sometimes past several 32-query blocks and 12-key tiles; rarely past the 256-key
    /// depth block of the value pass.
    /// </summary>
    public static Gen<int> SequenceLengths => Gen.Frequency((24, Gen.Choose(1, 20)), (8, Gen.Choose(21, 70)), (1, Gen.Choose(250, 270)));

    public static Gen<WeightType> WeightTypes => Gen.Elements(WeightType.F32, WeightType.BF16);

    public static Arbitrary<MatMulCase> MatMulCase() => (
        from rows in Rows
        from depth in Depth
        from outputs in Gen.Choose(1, 40)
        from type in WeightTypes
        from withBias in Gen.Elements(false, true)
        from position in Gen.Choose(0, rows - 1)
        from seed in Seed
        select new MatMulCase(rows, depth, outputs, type, withBias, position, seed)).ToArbitrary();

    public static Arbitrary<RowsCase> RowsCase() => (
        from rows in Rows
        from width in Depth
        from position in Gen.Choose(0, rows - 1)
        from seed in Seed
        select new RowsCase(rows, width, position, seed)).ToArbitrary();

    public static Arbitrary<RopeCase> RopeCase() => (
        from rows in Gen.Choose(1, 9)
        from heads in Gen.Choose(1, 4)
        from half in Gen.OneOf(Gen.Choose(1, 40), Gen.Elements(4, 8, 16, 32, 64))
        from theta in Gen.Elements(10000f, 500000f, 1000000f)
        from maxPosition in Gen.Choose(1, 4096)
        from seed in Seed
        select new RopeCase(rows, heads, 2 * half, theta, maxPosition, seed)).ToArbitrary();

    public static Arbitrary<AttentionCase> AttentionCase() => (
        from kvHeads in Gen.Choose(1, 3)
        from groupSize in Gen.Choose(1, 3)
        from headDim in Gen.OneOf(Gen.Choose(1, 40), Gen.Elements(16, 32, 64))
        from count in Gen.Choose(1, 4)
        from lengths in Gen.ArrayOf(SequenceLengths, count)
        from masked in Gen.ArrayOf(Gen.Elements(false, true), count)
        from subject in Gen.Choose(0, count - 1)
        from seed in Seed
        select new AttentionCase(kvHeads * groupSize, kvHeads, headDim, lengths, masked, subject, seed)).ToArbitrary();

    public static Arbitrary<FusedHeadCase> FusedHeadCase() => (
        from rows in Rows
        from width in Gen.OneOf(Gen.Choose(1, 80), Gen.Elements(16, 64, 255, 256, 257))
        from vocabulary in Gen.OneOf(Gen.Choose(1, 40), Gen.Choose(100, 300))
        from type in WeightTypes
        from position in Gen.Choose(0, rows - 1)
        from seed in Seed
        select new FusedHeadCase(rows, width, vocabulary, type, position, seed)).ToArbitrary();

    public static Arbitrary<EmbeddingCase> EmbeddingCase() => (
        from tableRows in Gen.Choose(1, 50)
        from width in Depth
        from count in Gen.Choose(0, 9)
        from type in WeightTypes
        from seed in Seed
        select new EmbeddingCase(tableRows, width, count, type, seed)).ToArbitrary();
}
