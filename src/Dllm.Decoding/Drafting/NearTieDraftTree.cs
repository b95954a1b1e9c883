using Dllm.Decoding.Rules;
using Dllm.Decoding.Selectors;

namespace Dllm.Decoding.Drafting;

/// <summary>
/// A draft tree instead of FreeDave's chain. From each drafted state the tree may take the stale
/// step (as <see cref="NestedStaleDrafts"/> does) or a branch where the stale ranking flips: the
/// last position the step selects swapped with one ranked below it, likely when their confidences
/// nearly tie. Nodes are added best first by an estimated chance of lying on the static trajectory,
/// so clear rankings grow one deep chain and near-ties spend the budget on siblings; budget the
/// chain cannot use (it stops at a block boundary) goes to alternatives instead of being left
/// unused. Every draft is a rule step, from the stale scores or from a copy with two confidences
/// swapped.
/// </summary>
public sealed class NearTieDraftTree : IDraftPolicy
{
    /// <summary>Relative confidence gap at which a flip is e⁻¹ as likely as at an exact tie.</summary>
    private const double GapScale = 0.1;

    /// <summary>
    /// Chance that a stale step's tokens still hold; it discounts depth against breadth. The fixture
    /// models keep the stale token at about 70 % of stale steps.
    /// </summary>
    private const double TokensHold = 0.7;

    public string Name => "near-tie-tree";

    public IReadOnlyList<DenoiseState> Drafts(IDecodingRule rule, DenoiseState state, PositionScores scores, int count)
    {
        var drafts = new List<DenoiseState>(count);
        if (rule.Step(state, scores) is not { } first)
        {
            return drafts;
        }
        drafts.Add(first);
        // Candidate children by chance, highest first; equal chances keep the order proposed.
        var frontier = new PriorityQueue<(Fork Parent, int Rank), (double, int)>();
        int proposed = 0;
        void Propose(Fork parent, int rank)
        {
            if (rank <= parent.Alternatives)
            {
                frontier.Enqueue((parent, rank), (-parent.Chance(rank), proposed++));
            }
        }
        void Grow(DenoiseState node, double reach)
        {
            if (!rule.IsFinished(node) && new Fork(rule, node, scores, reach) is { Step: not null } fork)
            {
                Propose(fork, 0);
                Propose(fork, 1);
            }
        }

        Grow(first, 1);
        while (drafts.Count < count && frontier.TryDequeue(out var branch, out _))
        {
            var (parent, rank) = branch;
            if (rank > 0)
            {
                Propose(parent, rank + 1); // the next rank down is worth a look only once this one is taken
            }
            DenoiseState? child = parent.Child(rule, scores, rank);
            if (child is null || drafts.Any(child.SameAs))
            {
                continue; // an exact confidence tie makes a swap a no-op
            }
            drafts.Add(child);
            Grow(child, parent.Chance(rank));
        }
        return drafts;
    }

    /// <summary>
    /// One drafted state with its stale ranking: the step it would take, the last position that step
    /// selects (the rank boundary) and the positions ranked below it, any of which a fresh ranking
    /// could move above the boundary.
    /// </summary>
    private sealed class Fork
    {
        private readonly DenoiseState _state;
        private readonly double _reach;
        private readonly int _boundary = -1;
        private readonly int[] _below = [];
        private readonly float[] _confidence;

        public Fork(IDecodingRule rule, DenoiseState state, PositionScores scores, double reach)
        {
            _state = state;
            _reach = reach;
            _confidence = scores.Confidence;
            Step = rule.Step(state, scores);
            if (Step is null)
            {
                return;
            }
            int[] candidates = Enumerable.Range(0, state.Ids.Length)
                .Where(p => state.Ids[p] == rule.MaskId && scores.IsScored(p)).ToArray();
            int[] ranked = ConfidenceRanking.Order(candidates.Select(p => scores.Confidence[p]).ToArray())
                .Select(i => candidates[i]).ToArray();
            HashSet<int> selected = state.CommitsTo(Step, rule.MaskId).Select(c => c.Position).ToHashSet();
            int last = Array.FindLastIndex(ranked, selected.Contains);
            if (last >= 0)
            {
                _boundary = ranked[last];
                _below = ranked[(last + 1)..].Where(p => !selected.Contains(p)).ToArray();
            }
        }

        /// <summary>The stale step, or null when these scores cannot take it.</summary>
        public DenoiseState? Step { get; }

        public int Alternatives => _below.Length;

        /// <summary>
        /// Estimated chance that this state is on the trajectory and its successor is the child of
        /// <paramref name="rank"/> (0 = the stale step, r = the r-th position below the boundary
        /// swapped in): a flip at relative gap g has weight exp(−g / GapScale), half of which goes
        /// to the swap and deeper ranks halve again. A step that commits nothing is certain.
        /// </summary>
        public double Chance(int rank)
        {
            if (_boundary < 0)
            {
                return _reach;
            }
            double Flip(int r) => r <= _below.Length ? Math.Exp(-RelativeGap(_below[r - 1]) / GapScale) : 0;
            double branch = rank == 0 ? 1 - Flip(1) / 2 : Flip(rank) / Math.Pow(2, rank);
            return _reach * TokensHold * branch;
        }

        public DenoiseState? Child(IDecodingRule rule, PositionScores scores, int rank) =>
            rank == 0 ? Step : rule.Step(_state, Swapped(scores, _boundary, _below[rank - 1]));

        /// <summary>
        /// The gap relative to the smaller of the boundary's confidence and the other position's
        /// distance from 1. Near 1 the distance decides: 0.9999 against 0.999 is a tenfold
        /// difference in doubt, not a tie. Relative to the confidence alone, every gap between two
        /// confident predictions looked like a tie, and on a trained model the tree spent its drafts
        /// on swaps and drafted fewer steps deep than nested drafts.
        /// </summary>
        private double RelativeGap(int position)
        {
            float top = _confidence[_boundary];
            float other = _confidence[position];
            return (top - other) / Math.Max(Math.Min(Math.Abs(top), 1 - other), 1e-6);
        }

        /// <summary>A copy of <paramref name="scores"/> with the confidences of two positions exchanged.</summary>
        private static PositionScores Swapped(PositionScores scores, int a, int b)
        {
            var swapped = new PositionScores(scores.Confidence.Length);
            for (int p = 0; p < scores.Confidence.Length; p++)
            {
                if (scores.IsScored(p))
                {
                    swapped.Set(p, scores.Prediction[p], scores.Confidence[p]);
                }
            }
            swapped.Set(a, scores.Prediction[a], scores.Confidence[b]);
            swapped.Set(b, scores.Prediction[b], scores.Confidence[a]);
            return swapped;
        }
    }
}
