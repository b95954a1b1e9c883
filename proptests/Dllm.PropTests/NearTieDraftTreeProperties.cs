using Dllm.Decoding;
using Dllm.Decoding.Drafting;
using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Decoding;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// The near-tie draft tree is as lossless as FreeDave's own drafts, on the same random decodes
/// (LLaDA and Dream settings, draft counts 1 … B + 1, batched and tree-packed): it proposes only
/// well-formed candidates led by the static step, reproduces static decoding along the static
/// trajectory and never calls more than static. Being faster than nested drafts is measured in
/// bench/, not asserted: a tree can lose on a given decode.
/// </summary>
public sealed class NearTieDraftTreeProperties
{
    private static readonly NearTieDraftTree Policy = new();

    [Property(MaxTest = 120)]
    public Property Near_tie_draft_tree_reproduces_static_decoding_along_the_static_trajectory() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => DraftingClaims.ReproducesStatic(c, Policy));

    [Property(MaxTest = 60)]
    public Property Near_tie_draft_tree_never_calls_more_than_static_and_one_draft_calls_exactly_as_often() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => DraftingClaims.CallsAtMostStatic(c, Policy));

    [Property(MaxTest = 60)]
    public Property Near_tie_draft_tree_proposes_at_most_D_distinct_drafts_led_by_the_static_step() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => c.WithModel((model, rule, start) =>
        {
            var clauses = new List<Property>();
            foreach (DenoiseState state in RecordedDecode.Static(model, rule, start).States.Where(s => !rule.IsFinished(s)))
            {
                PositionScores scores = rule.Score(state, model.Forward(rule.Requests(state)), 0);
                IReadOnlyList<DenoiseState> drafts = Policy.Drafts(rule, state, scores, c.Drafts);
                bool distinct = drafts.Select((d, i) => drafts.Take(i).Any(d.SameAs)).All(seen => !seen);
                clauses.Add((drafts.Count >= 1 && drafts.Count <= c.Drafts).Label($"step {state.Step}: {drafts.Count} drafts for D = {c.Drafts}")
                    .And(drafts[0].SameAs(rule.Step(state, scores)!).Label($"step {state.Step}: draft 0 is the static step"))
                    .And(distinct.Label($"step {state.Step}: drafts are distinct")));
            }
            return clauses.Aggregate(true.ToProperty(), (all, clause) => all.And(clause));
        }));
}
