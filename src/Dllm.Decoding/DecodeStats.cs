using System.Diagnostics;
using Dllm.Models;

namespace Dllm.Decoding;

/// <summary>
/// The cost and yield of one decode: forward calls (NFE), the work they did (token rows pushed through
/// the model, attention pairs, rows scored by the head), tokens committed by each call (summed over batch rows), and for draft-and-verify decoders how
/// many static steps each call advanced.
/// </summary>
public sealed class DecodeStats
{
    private readonly List<int> _committedPerCall = [];
    private readonly List<ForwardWork> _workPerCall = [];
    private readonly SortedDictionary<int, int> _stepsPerCall = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int ForwardCalls => _committedPerCall.Count;
    public long RowsComputed => Work.Rows;

    /// <summary>Everything the forward calls computed, summed (see <see cref="ForwardWork.Flops"/>).</summary>
    public ForwardWork Work => ForwardWork.Sum(_workPerCall);

    /// <summary>What each forward call computed, in call order (a benchmark replays these shapes without the decoder).</summary>
    public IReadOnlyList<ForwardWork> WorkPerCall => _workPerCall;
    public IReadOnlyList<int> CommittedPerCall => _committedPerCall;
    public int TokensCommitted => _committedPerCall.Sum();
    public double TokensPerCall => ForwardCalls == 0 ? 0 : (double)TokensCommitted / ForwardCalls;
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Static steps advanced per verifying call → number of such calls (FreeDave's accepted-draft histogram).</summary>
    public IReadOnlyDictionary<int, int> StepsPerCallHistogram => _stepsPerCall;

    public void RecordCall(IReadOnlyList<ForwardSequence> batch, int committed)
    {
        _workPerCall.Add(ForwardWork.Of(batch));
        _committedPerCall.Add(committed);
    }

    /// <summary>Adds commits to the latest call: a verifying call is credited with the steps it accepted.</summary>
    public void AddCommits(int committed)
    {
        if (_committedPerCall.Count == 0)
        {
            throw new InvalidOperationException("No forward call to credit commits to.");
        }
        _committedPerCall[^1] += committed;
    }

    public void RecordStepsAdvanced(int steps) => _stepsPerCall[steps] = _stepsPerCall.GetValueOrDefault(steps) + 1;

    public void Stop() => Elapsed = _clock.Elapsed;
}
