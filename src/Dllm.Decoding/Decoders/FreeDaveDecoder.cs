using Dllm.Decoding.Drafting;
using Dllm.Decoding.Rules;
using Dllm.Models;

namespace Dllm.Decoding.Decoders;

/// <summary>
/// Lossless draft-and-verify decoding (FreeDave, arXiv 2510.00294): from a state and its scores,
/// draft up to D future states (an <see cref="IDraftPolicy"/> proposes them), score them all in one
/// forward call, and accept the chain d[0] → d[j1] → d[j2] … in which each accepted draft equals the
/// static step from the previous one.
/// The accepted draft's scores are reused, so the next drafts cost no extra call, and the step that
/// finishes the decode needs none. Output is exactly the static decode's when the model is batch
/// invariant (DESIGN 3.3); calls never exceed static's, and D = 1 makes exactly static's calls.
/// </summary>
public sealed class FreeDaveDecoder(int drafts, IDraftPolicy? policy = null)
{
    private readonly IDraftPolicy _policy = policy ?? new NestedStaleDrafts();

    public int DraftCount { get; } = drafts >= 1 ? drafts : throw new ArgumentOutOfRangeException(nameof(drafts), "At least one draft.");

    public (DenoiseState Final, DecodeStats Stats) Decode(
        IDenoiser model,
        IDecodingRule rule,
        DenoiseState start,
        Action<DecodeStep>? onStep = null,
        Action<DenoiseState>? onState = null,
        CancellationToken cancellationToken = default)
    {
        var stats = new DecodeStats();
        DenoiseState state = start;
        if (rule.IsFinished(state))
        {
            stats.Stop();
            return (state, stats);
        }
        PositionScores scores = ScoreAll(model, rule, [state], stats)[0];
        Report(stats, start, state, rule, onStep);
        while (!rule.IsFinished(state))
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<DenoiseState> drafts = _policy.Drafts(rule, state, scores, DraftCount);
            DenoiseState before = state;
            if (rule.IsFinished(drafts[0]))
            {
                state = drafts[0]; // the last step: its scores were already known
                stats.AddCommits(before.CommitsTo(state, rule.MaskId).Count);
                onState?.Invoke(state);
                break;
            }
            PositionScores[] draftScores = ScoreAll(model, rule, drafts, stats);
            int best = LongestVerifiedChain(rule, drafts, draftScores);
            stats.RecordStepsAdvanced(drafts[best].Step - before.Step);
            state = drafts[best];
            scores = draftScores[best];
            Report(stats, before, state, rule, onStep);
            onState?.Invoke(state);
        }
        stats.Stop();
        return (state, stats);
    }

    /// <summary>
    /// Greedy chain: from d[0] (the static next state) move to a draft that equals the static step
    /// from the current link, as long as one does. Any drafts can be proposed (nested, branching,
    /// duplicated): a draft is accepted only as the verified successor of an accepted state, and each
    /// link is one trajectory step further, so the chain ends.
    /// </summary>
    private static int LongestVerifiedChain(IDecodingRule rule, IReadOnlyList<DenoiseState> drafts, PositionScores[] scores)
    {
        int best = 0;
        while (!rule.IsFinished(drafts[best]) && rule.Step(drafts[best], scores[best]) is { } target)
        {
            int next = -1;
            for (int j = 0; j < drafts.Count && next < 0; j++)
            {
                next = drafts[j].SameAs(target) ? j : -1;
            }
            if (next < 0)
            {
                return best;
            }
            best = next;
        }
        return best;
    }

    /// <summary>One forward call over every state's requests.</summary>
    private static PositionScores[] ScoreAll(IDenoiser model, IDecodingRule rule, IReadOnlyList<DenoiseState> states, DecodeStats stats)
    {
        var requests = new List<ForwardSequence>();
        var firsts = new int[states.Count];
        for (int i = 0; i < states.Count; i++)
        {
            firsts[i] = requests.Count;
            requests.AddRange(rule.Requests(states[i]));
        }
        ForwardResult result = model.Forward(requests);
        stats.RecordCall(requests, 0);
        return states.Select((s, i) => rule.Score(s, result, firsts[i])).ToArray();
    }

    private static void Report(DecodeStats stats, DenoiseState before, DenoiseState after, IDecodingRule rule, Action<DecodeStep>? onStep)
    {
        List<Commit> commits = before.CommitsTo(after, rule.MaskId);
        stats.AddCommits(commits.Count);
        onStep?.Invoke(new DecodeStep(stats.ForwardCalls - 1, [commits]));
    }
}
