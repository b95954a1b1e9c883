using Dllm.Cpu;
using Dllm.Kernels;

namespace Dllm.Tests.Cpu;

/// <summary>
/// The LM head (and the fused step's projections) multiply by weights packed once into panels. The packed
/// kernel must give the in-place matmul's bits for any row count, panel remainder and dtype, on every path,
/// and a head whose memory is rewritten in place must be packed again, never read stale.
/// </summary>
public sealed unsafe class PackedWeightTests
{
    public static TheoryData<CpuPath, WeightType> PathsAndTypes()
    {
        var data = new TheoryData<CpuPath, WeightType>();
        foreach (CpuPath path in CpuPaths.Supported)
        {
            data.Add(path, WeightType.F32);
            data.Add(path, WeightType.BF16);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndTypes))]
    public void FusedHead_logits_are_the_in_place_matmul_of_the_normed_rows_bitwise(CpuPath path, WeightType type)
    {
        // 77 words: panels of 32, 16, 8 or 2 leave a partial one; 300 deep; row counts below, at and past a pass.
        const int vocabulary = 77, width = 300;
        var random = new Random(5);
        using var head = new OwnedWeightMatrix(RandomValues(random, vocabulary * width), type, vocabulary, width);
        float[] norm = RandomValues(random, width);
        using var backend = new CpuBackend(path, threads: 2);
        foreach (int rows in new[] { 1, 5, 12, 13, 30, 70 })
        {
            float[] hidden = RandomValues(random, rows * width);
            var logits = new float[rows * vocabulary];
            backend.FusedHead(hidden, norm, 1e-5f, head.Matrix, new RowStats[rows], logits);

            var normed = new float[rows * width];
            var expected = new float[rows * vocabulary];
            backend.RmsNorm(hidden, norm, 1e-5f, normed);
            backend.MatMul(normed, head.Matrix, default, expected);
            Assert.True(expected.AsSpan().SequenceEqual(logits), $"{rows} rows: packed head logits differ from the in-place matmul.");
        }
    }

    [Fact]
    public void A_head_rewritten_in_place_is_packed_again()
    {
        const int vocabulary = 40, width = 24;
        var random = new Random(9);
        float[] hidden = RandomValues(random, 3 * width);
        float[] norm = RandomValues(random, width);
        float[] second = RandomValues(random, vocabulary * width);
        using var head = new OwnedWeightMatrix(RandomValues(random, vocabulary * width), WeightType.F32, vocabulary, width);
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        var before = new float[3 * vocabulary];
        backend.FusedHead(hidden, norm, 1e-5f, head.Matrix, new RowStats[3], before);

        second.CopyTo(new Span<float>((void*)head.Matrix.Data, second.Length));
        var after = new float[3 * vocabulary];
        backend.FusedHead(hidden, norm, 1e-5f, head.Matrix, new RowStats[3], after);

        using var fresh = new CpuBackend(CpuPaths.Best, threads: 1);
        var expected = new float[3 * vocabulary];
        fresh.FusedHead(hidden, norm, 1e-5f, head.Matrix, new RowStats[3], expected);
        Assert.False(before.AsSpan().SequenceEqual(after));
        Assert.Equal(expected, after);
    }

    private static float[] RandomValues(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
}
