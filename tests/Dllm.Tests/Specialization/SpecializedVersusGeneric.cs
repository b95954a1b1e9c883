using Dllm.Core.Config;
using Dllm.Core.SafeTensors;
using Dllm.Kernels;
using Dllm.Models;

namespace Dllm.Tests.Specialization;

/// <summary>Runs one batch through a specialized and a generic model over the same weights and compares bits.</summary>
internal static class SpecializedVersusGeneric
{
    /// <summary>
    /// Asserts that <paramref name="step"/> and the generic ops give bitwise equal hidden states and row
    /// statistics for <paramref name="batch"/>; returns the specialized model's kernel name.
    /// </summary>
    public static string AssertBitwiseEqual(
        IModelFamily family, TransformerConfig config, IWeightSource weights, IBackend backend, IFusedDenoiseStep step, IReadOnlyList<ForwardSequence> batch)
    {
        using DiffusionModel specialized = DiffusionModel.Create(family, config, new BorrowedWeights(weights), backend, directory: null, step);
        using DiffusionModel generic = DiffusionModel.Create(family, config, new BorrowedWeights(weights), backend, kernels: KernelChoice.Generic);
        Assert.Equal("generic", generic.Kernels);

        float[] expectedHidden = generic.HiddenStates(batch);
        float[] actualHidden = specialized.HiddenStates(batch);
        int firstDifference = Enumerable.Range(0, expectedHidden.Length)
            .FirstOrDefault(i => BitConverter.SingleToInt32Bits(expectedHidden[i]) != BitConverter.SingleToInt32Bits(actualHidden[i]), -1);
        Assert.True(firstDifference < 0,
            $"{backend.Name}: hidden state [{firstDifference / Math.Max(1, config.HiddenSize)}, {firstDifference % Math.Max(1, config.HiddenSize)}] differs: "
            + $"generic {(firstDifference < 0 ? 0 : expectedHidden[firstDifference]):R}, specialized {(firstDifference < 0 ? 0 : actualHidden[firstDifference]):R}");

        ForwardResult expected = generic.Forward(batch);
        ForwardResult actual = specialized.Forward(batch);
        for (int s = 0; s < batch.Count; s++)
        {
            Assert.Equal(expected.Stats[s], actual.Stats[s]);
        }
        return specialized.Kernels;
    }

    /// <summary>Two sequences of other lengths, one with a key-padding mask and shifted positions, scoring every position.</summary>
    public static ForwardSequence[] Batch(TransformerConfig config, int seed, int firstLength, int secondLength)
    {
        var random = new Random(seed);
        int[] Ids(int length) => Enumerable.Range(0, length).Select(_ => random.Next(config.VocabSize)).ToArray();
        bool[] keys = Enumerable.Range(0, secondLength).Select(i => i < secondLength - 2).ToArray();
        return
        [
            new ForwardSequence { Ids = Ids(firstLength), ScorePositions = Enumerable.Range(0, firstLength).ToArray() },
            new ForwardSequence
            {
                Ids = Ids(secondLength),
                PositionIds = Enumerable.Range(3, secondLength).ToArray(),
                Mask = AttentionMask.KeyPadding(keys, paddedQueriesSeeNothing: true),
                ScorePositions = Enumerable.Range(0, secondLength).ToArray(),
            },
        ];
    }
}
