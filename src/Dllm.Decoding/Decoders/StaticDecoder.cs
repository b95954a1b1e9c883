using Dllm.Decoding.Rules;
using Dllm.Models;

namespace Dllm.Decoding.Decoders;

/// <summary>
/// Static (reference) decoding: one forward call per step, scoring every state of the batch, then
/// the rule's exact step. This is what the upstream decoders do, and what FreeDave must reproduce.
/// </summary>
public sealed class StaticDecoder
{
    /// <summary>Decodes the states in lockstep; <paramref name="onState"/> sees every state after each step.</summary>
    public (DenoiseState[] Final, DecodeStats Stats) Decode(
        IDenoiser model,
        IDecodingRule rule,
        IReadOnlyList<DenoiseState> start,
        Action<DecodeStep>? onStep = null,
        Action<DenoiseState[]>? onState = null,
        CancellationToken cancellationToken = default)
    {
        var stats = new DecodeStats();
        DenoiseState[] states = start.ToArray();
        while (!states.All(rule.IsFinished))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var requests = new List<ForwardSequence>();
            var firsts = new int[states.Length];
            foreach (var (state, i) in states.Select((s, i) => (s, i)))
            {
                firsts[i] = requests.Count;
                requests.AddRange(rule.Requests(state));
            }
            ForwardResult result = model.Forward(requests);
            PositionScores[] scores = states.Select((state, i) => rule.Score(state, result, firsts[i])).ToArray();
            DenoiseState[] next = rule.StepAll(states, scores);

            var commits = states.Select((state, i) => (IReadOnlyList<Commit>)state.CommitsTo(next[i], rule.MaskId)).ToArray();
            stats.RecordCall(requests, commits.Sum(c => c.Count));
            onStep?.Invoke(new DecodeStep(stats.ForwardCalls - 1, commits));
            states = next;
            onState?.Invoke(states);
        }
        stats.Stop();
        return (states, stats);
    }

    /// <summary>Decodes prompts of one length and returns prompt + answer per row.</summary>
    public DecodeResult Generate(
        IDenoiser model,
        IDecodingRule rule,
        IReadOnlyList<DenoiseState> start,
        int promptLength,
        Action<DecodeStep>? onStep,
        CancellationToken cancellationToken)
    {
        var (final, stats) = Decode(model, rule, start, onStep, cancellationToken: cancellationToken);
        return new DecodeResult(final.Select(s => s.Ids).ToArray(), Enumerable.Repeat(promptLength, final.Length).ToArray(), stats);
    }
}
