using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Models;
using Dllm.Specializations;

namespace Dllm.Tests.Fixtures;

/// <summary>
/// Every forward golden of every fixture model, on the reference backend, every CPU path and the ILGPU CPU accelerator:
/// logits within the fixture's tolerance, argmax equal wherever the golden top-1/top-2 gap is ≥ 2e-4.
/// A fixture whose shape is in the specialization set runs the generated fused step on the CPU and ILGPU
/// backends by default, any other runs the generic ops; a second theory forces the generic ops.
/// </summary>
[Trait("Category", "Fixtures")]
public sealed class ForwardFixtureTests
{
    private const float ArgmaxGapThreshold = 2e-4f;

    public static TheoryData<string, string, string> Cases() => FixtureTheoryData.ForEveryModelAndBackend(ForwardGoldenCase.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Logits_match_the_upstream_goldens(string model, string caseName, string backend) =>
        AssertMatchesGolden(model, caseName, backend, KernelChoice.FromEnvironment);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Logits_match_the_upstream_goldens_with_generic_kernels(string model, string caseName, string backend) =>
        AssertMatchesGolden(model, caseName, backend, KernelChoice.Generic);

    private static void AssertMatchesGolden(string model, string caseName, string backend, KernelChoice choice)
    {
        string directory = Path.Combine(FixturePaths.FixturesRoot, model);
        ForwardGoldenCase golden = ForwardGoldenCase.Load(directory, caseName);
        using IBackend kernels = TestBackends.Create(backend);
        using DiffusionModel diffusion = DiffusionModel.Load(directory, kernels, choice);
        bool specializes = TestBackends.HasSpecializations(backend) && KernelSelection.Resolve(choice) == KernelChoice.Specialized
            && SpecializationLookup.Find(SpecializationTable.All, ModelShape.Of(diffusion.Config)) is not null;
        Assert.Equal(specializes, diffusion.Kernels.StartsWith("specialized:", StringComparison.Ordinal));
        int vocab = diffusion.Config.VocabSize;
        var batch = Enumerable.Range(0, golden.Batch).Select(b => new ForwardSequence
        {
            Ids = golden.InputIds[b],
            Mask = golden.AttentionMask is { } m && m[b].Contains(0)
                ? AttentionMask.KeyPadding(m[b].Select(v => v == 1).ToArray(), paddedQueriesSeeNothing: false)
                : null,
            ScorePositions = Enumerable.Range(0, golden.Length).ToArray(),
            ReturnLogits = true,
        }).ToArray();

        ForwardResult result = diffusion.Forward(batch);

        double worst = 0;
        for (int b = 0; b < golden.Batch; b++)
        {
            for (int p = 0; p < golden.Length; p++)
            {
                ReadOnlySpan<float> expected = golden.Logits.AsSpan((b * golden.Length + p) * vocab, vocab);
                ReadOnlySpan<float> actual = result.LogitsRow(b, p);
                for (int v = 0; v < vocab; v++)
                {
                    worst = Math.Max(worst, Math.Abs(expected[v] - actual[v]));
                }
                RowStats goldenStats = RowStatistics.FromLogits(expected);
                if (expected[goldenStats.ArgMax] - expected[goldenStats.SecondId] >= ArgmaxGapThreshold)
                {
                    Assert.True(goldenStats.ArgMax == result.Stats[b][p].ArgMax, $"argmax differs at row {b}, position {p}");
                }
            }
        }
        Assert.True(worst <= golden.Tolerance, $"max |logit difference| {worst:E3} exceeds {golden.Tolerance:E1}");
    }
}
