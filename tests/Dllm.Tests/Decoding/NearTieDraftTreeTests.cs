using Dllm.Core.Config;
using Dllm.Decoding;
using Dllm.Decoding.Decoders;
using Dllm.Decoding.Drafting;
using Dllm.Decoding.Rules;

namespace Dllm.Tests.Decoding;

/// <summary>
/// The near-tie tree against nested drafts where the stale ranking never changes: the scripted
/// model's scores do not depend on the state, so every nested draft verifies, while its confidences
/// (0.5 + 0.01 · position) are close enough to look like near ties.
/// </summary>
public sealed class NearTieDraftTreeTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void The_tree_is_never_shallower_than_nested_drafts_when_the_stale_ranking_holds(int drafts)
    {
        var (nestedIds, nestedCalls) = Decode(new NestedStaleDrafts(), drafts);
        var (treeIds, treeCalls) = Decode(new NearTieDraftTree(), drafts);

        Assert.Equal(nestedIds, treeIds);
        // State-independent scores: 1 call, then one per D steps of the 15 left (the last needs none).
        Assert.Equal(1 + (15 + drafts - 1) / drafts, nestedCalls);
        Assert.Equal(nestedCalls, treeCalls);
    }

    [Fact]
    public void The_tree_starts_with_the_nested_chain()
    {
        var model = new ScriptedDenoiser();
        var (rule, start) = Plan(model);
        PositionScores scores = rule.Score(start, model.Forward(rule.Requests(start)), 0);

        IReadOnlyList<DenoiseState> nested = new NestedStaleDrafts().Drafts(rule, start, scores, 4);
        IReadOnlyList<DenoiseState> tree = new NearTieDraftTree().Drafts(rule, start, scores, 4);

        Assert.Equal(4, nested.Count);
        Assert.All(nested.Zip(tree), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    private static (int[] Ids, int Calls) Decode(IDraftPolicy policy, int drafts)
    {
        var model = new ScriptedDenoiser();
        var (rule, start) = Plan(model);
        var (final, stats) = new FreeDaveDecoder(drafts, policy).Decode(model, rule, start);
        return (final.Ids, stats.ForwardCalls);
    }

    private static (IDecodingRule Rule, DenoiseState Start) Plan(ScriptedDenoiser model) =>
        DecoderPolicy.Plan(ModelFamily.Dream, model, new DecodeRequest([[1, 2]]), new GenerateOptions { GenLength = 16, NoTopK = true });
}
