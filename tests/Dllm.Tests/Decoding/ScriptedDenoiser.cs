using Dllm.Core.Config;
using Dllm.Decoding;
using Dllm.Kernels;
using Dllm.Models;

namespace Dllm.Tests.Decoding;

/// <summary>
/// A stand-in model whose scores are a fixed function of the scored position: argmax
/// 1 + position % 5, confidence rising with the position (by default 0.5 + 0.01 · position). Lets
/// decoder rules be tested without weights.
/// </summary>
public sealed class ScriptedDenoiser(Func<int, float>? confidence = null) : IDenoiser
{
    private readonly Func<int, float> _confidence = confidence ?? (p => 0.5f + 0.01f * p);

    public const int Vocab = 10;
    public const int MaskId = 9;

    public TransformerConfig Config { get; } = new()
    {
        Family = ModelFamily.Dream,
        ModelType = "Dream",
        HiddenSize = 4,
        NumLayers = 1,
        NumHeads = 1,
        NumKvHeads = 1,
        IntermediateSize = 4,
        VocabSize = Vocab,
        RopeTheta = 10000f,
        RmsNormEps = 1e-6f,
        QkvBias = true,
        MaskTokenId = MaskId,
        EosTokenId = 8,
        PadTokenId = 8,
        MaxSequenceLength = 64,
    };

    public int Calls { get; private set; }

    public ForwardResult Forward(IReadOnlyList<ForwardSequence> batch)
    {
        Calls++;
        RowStats[][] stats = batch
            .Select(s => s.ScorePositions.Select(p => new RowStats(1 + p % 5, 0, _confidence(p), 0.1f, 1f)).ToArray())
            .ToArray();
        return new ForwardResult(stats, new float[]?[batch.Count], Vocab);
    }
}
