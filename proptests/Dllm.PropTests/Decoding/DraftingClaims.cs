using Dllm.Decoding.Drafting;
using Dllm.Kernels;
using Dllm.PropTests.Arbitraries;
using FsCheck;
using FsCheck.Fluent;

namespace Dllm.PropTests.Decoding;

/// <summary>What FreeDave promises with any draft policy (specs/freedave.md G1, G2), as clauses over one random decode.</summary>
public static class DraftingClaims
{
    /// <summary>G1: static's output, every committed state a static state, in order (on the CPU backend unless <paramref name="openBackend"/> is given).</summary>
    public static Property ReproducesStatic(DecodeCase c, IDraftPolicy? policy, Func<IBackend>? openBackend = null) =>
        c.WithModel(
            (model, rule, start) => RecordedDecode.FreeDave(model, rule, start, c.Drafts, c.Tree, policy).Reproduces(RecordedDecode.Static(model, rule, start)),
            openBackend);

    /// <summary>G2: never more calls than static, and with one draft exactly static's calls, input for input.</summary>
    public static Property CallsAtMostStatic(DecodeCase c, IDraftPolicy? policy) =>
        c.WithModel((model, rule, start) =>
        {
            var staticCalls = new RecordingDenoiser(model);
            var oneDraftCalls = new RecordingDenoiser(model);
            RecordedDecode.Static(staticCalls, rule, start);
            RecordedDecode.FreeDave(oneDraftCalls, rule, start, 1, tree: false, policy);
            int fastCalls = RecordedDecode.FreeDave(model, rule, start, c.Drafts, c.Tree, policy).Stats.ForwardCalls;
            bool sameInputs = staticCalls.Calls.Count == oneDraftCalls.Calls.Count
                && staticCalls.Calls.Zip(oneDraftCalls.Calls).All(pair => pair.First.Length == pair.Second.Length
                    && pair.First.Zip(pair.Second).All(ids => ids.First.SequenceEqual(ids.Second)));
            return (fastCalls <= staticCalls.Calls.Count).Label($"calls {fastCalls} <= static {staticCalls.Calls.Count}")
                .And(sameInputs.Label("one draft makes static's calls, input for input"));
        });
}
