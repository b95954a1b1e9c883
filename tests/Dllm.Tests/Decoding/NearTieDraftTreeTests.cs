using Dllm.Core.Config;
using Dllm.Decoding;
using Dllm.Decoding.Decoders;
using Dllm.Decoding.Drafting;
using Dllm.Decoding.Rules;

namespace Dllm.Tests.Decoding;

/// <summary>
/// The near-tie tree against nested drafts on a confident model whose stale ranking never changes:
/// the scripted scores do not depend on the state, so every nested draft verifies. Its confidences
/// (1 − 2^−(position + 4)) all lie near 1 and differ by tiny amounts, as a trained model's do, yet
/// each doubts half as much as the next; a tree that took them for near ties would branch and
/// verify fewer steps per call.
/// </summary>
public sealed class NearTieDraftTreeTests
{
    private static readonly Func<int, float> Confident = p => 1f - MathF.Pow(2, -(p + 4));

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void A_confident_model_gets_the_nested_call_count(int drafts)
    {
        var (nestedIds, nestedCalls) = Decode(new NestedStaleDrafts(), drafts);
        var (treeIds, treeCalls) = Decode(new NearTieDraftTree(), drafts);

        Assert.Equal(nestedIds, treeIds);
        // State-independent scores: 1 call, then one per D of the 15 steps left (the last needs none).
        Assert.Equal(1 + (15 + drafts - 1) / drafts, nestedCalls);
        Assert.Equal(nestedCalls, treeCalls);
    }

    [Fact]
    public void A_confident_model_gets_the_nested_chain()
    {
        var model = new ScriptedDenoiser(Confident);
        var (rule, start) = Plan(model);
        PositionScores scores = rule.Score(start, model.Forward(rule.Requests(start)), 0);

        IReadOnlyList<DenoiseState> nested = new NestedStaleDrafts().Drafts(rule, start, scores, 4);
        IReadOnlyList<DenoiseState> tree = new NearTieDraftTree().Drafts(rule, start, scores, 4);

        Assert.Equal(4, nested.Count);
        Assert.Equal(4, tree.Count);
        Assert.All(nested.Zip(tree), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    private static (int[] Ids, int Calls) Decode(IDraftPolicy policy, int drafts)
    {
        var model = new ScriptedDenoiser(Confident);
        var (rule, start) = Plan(model);
        var (final, stats) = new FreeDaveDecoder(drafts, policy).Decode(model, rule, start);
        return (final.Ids, stats.ForwardCalls);
    }

    private static (IDecodingRule Rule, DenoiseState Start) Plan(ScriptedDenoiser model) =>
        DecoderPolicy.Plan(ModelFamily.Dream, model, new DecodeRequest([[1, 2]]), new GenerateOptions { GenLength = 16, NoTopK = true });
}
