using Dllm.Cpu;
using Dllm.Decoding;
using Dllm.Decoding.Drafting;
using Dllm.Decoding.Rules;
using Dllm.Models;
using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Decoding;
using Dllm.PropTests.Kernels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// FreeDave is lossless (specs/freedave.md, sections 3 and 8): on random tiny models, prompts,
/// LLaDA and Dream settings, draft counts 1 … B + 1 and both draft modes, it reproduces static
/// decoding token for token, only ever commits states of the static trajectory (in order), never
/// makes more calls than static (exactly as many with one draft), and makes exactly the number of
/// calls the static trajectory predicts. The first claim runs on the ILGPU kernels too (ILGPU's CPU accelerator, fewer cases).
/// </summary>
public sealed class FreeDaveProperties
{
    [Property(MaxTest = 120)]
    public Property FreeDave_reproduces_static_decoding_along_the_static_trajectory() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => DraftingClaims.ReproducesStatic(c, policy: null));

    [Property(MaxTest = 30)]
    public Property On_the_ILGPU_kernels_FreeDave_reproduces_static_decoding_along_the_static_trajectory() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => DraftingClaims.ReproducesStatic(c, policy: null, () => IlgpuBackendSet.Open(1)));

    [Property(MaxTest = 120)]
    public Property FreeDave_never_calls_more_than_static_and_one_draft_makes_exactly_the_static_calls() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => DraftingClaims.CallsAtMostStatic(c, policy: null));

    [Property(MaxTest = 120)]
    public Property FreeDave_calls_match_the_count_predicted_from_the_static_trajectory() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => c.WithModel((model, rule, start) =>
        {
            RecordedDecode reference = RecordedDecode.Static(model, rule, start);
            int predicted = PredictedCalls(model, rule, reference.States, c.Drafts);
            int actual = RecordedDecode.FreeDave(model, rule, start, c.Drafts, c.Tree).Stats.ForwardCalls;
            return (actual == predicted).Label($"calls {actual}, predicted {predicted}");
        }));

    [Property(MaxTest = 60)]
    public Property Tree_packed_branches_score_bitwise_like_single_state_calls() =>
        Prop.ForAll(DecodeCase.Arbitrary, c => c.WithModel((model, rule, start) =>
        {
            RecordedDecode reference = RecordedDecode.Static(model, rule, start);
            DenoiseState[] branches = reference.States.Where(s => !rule.IsFinished(s)).Take(c.Drafts).ToArray();
            var sequences = branches.SelectMany(rule.Requests).ToArray();
            ForwardResult packed = new TreePackedDenoiser(model).Forward(sequences);
            bool equal = sequences.Select((s, i) => model.Forward([s])).Select((alone, i) =>
                alone.Stats[0].SequenceEqual(packed.Stats[i])
                && (alone.Logits[0] is null || alone.Logits[0]!.AsSpan().SequenceEqual(packed.Logits[i]))).All(x => x);
            return equal.Label($"{sequences.Length} packed branches equal their single calls");
        }));

    [Property(MaxTest = 120)]
    public Property Threshold_FreeDave_reproduces_threshold_decoding_with_no_more_calls() =>
        Prop.ForAll(DecodeCase.Arbitrary, Gen.Elements(0.02f, 0.05f, 0.1f, 0.5f).ToArbitrary(), (c, threshold) => c.WithModel((model, staticRule, start) =>
        {
            var rule = new ThresholdRule(
                c.Model.Family == Core.Config.ModelFamily.Llada ? new LladaScorer(c.Llada!, staticRule.MaskId) : new DreamScorer(c.Dream!),
                c.Prompt.Length, c.Llada?.BlockLength ?? c.Dream!.MaxNewTokens, threshold, staticRule.MaskId, maxSteps: start.Ids.Length);
            DenoiseState thresholdStart = rule.Start(start.Ids, start.Layout);
            RecordedDecode reference = RecordedDecode.Static(model, rule, thresholdStart);
            RecordedDecode fast = RecordedDecode.FreeDave(model, rule, thresholdStart, c.Drafts, c.Tree);
            return fast.Reproduces(reference)
                .And((fast.Stats.ForwardCalls <= reference.Stats.ForwardCalls).Label($"calls {fast.Stats.ForwardCalls} <= {reference.Stats.ForwardCalls}"));
        }));

    /// <summary>The harness can fail: a model whose confidences depend on the batch size breaks FreeDave's equality somewhere.</summary>
    [Fact]
    public void A_batch_dependent_model_makes_FreeDave_diverge_from_static()
    {
        var cases = DecodeCase.Arbitrary.Generator.Sample(40, 150)
            .Where(c => c.Drafts > 1 && !c.Tree).ToArray();
        int diverged = 0;
        foreach (DecodeCase c in cases)
        {
            using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
            using DiffusionModel model = c.Model.Build(backend);
            var leaking = new BatchLeakingDenoiser(new ModelDenoiser(model));
            IDecodingRule rule = c.Rule(leaking, out DenoiseState start);
            diverged += RecordedDecode.FreeDave(leaking, rule, start, c.Drafts, tree: false).Final.SameAs(RecordedDecode.Static(leaking, rule, start).Final) ? 0 : 1;
        }
        Assert.True(diverged > 0, $"none of {cases.Length} decodes noticed a batch-dependent model");
    }

    /// <summary>
    /// The call count of spec section 3 (G3), from the static trajectory alone: one call scores the
    /// start; then each call advances min(r(k), drafts available) steps, where r(k) counts how many
    /// stale-score steps from S_k land exactly on S_{k+1}, S_{k+2}, …; the finishing step is free.
    /// </summary>
    private static int PredictedCalls(IDenoiser model, IDecodingRule rule, List<DenoiseState> trajectory, int drafts)
    {
        int last = trajectory.Count - 1;
        if (last == 0)
        {
            return 0;
        }
        int calls = 1;
        int k = 0;
        while (k < last)
        {
            if (k + 1 == last)
            {
                break; // d[0] finishes the decode: no call
            }
            PositionScores scores = rule.Score(trajectory[k], model.Forward(rule.Requests(trajectory[k])), 0);
            int advance = 0;
            DenoiseState current = trajectory[k];
            while (advance < drafts && !rule.IsFinished(current) && rule.Step(current, scores) is { } next && next.SameAs(trajectory[k + advance + 1]))
            {
                advance++;
                current = next;
            }
            calls++;
            k += Math.Max(advance, 1);
        }
        return calls;
    }
}
