using Dllm.Core.Config;
using Dllm.Evaluation.Text;
using Dllm.Training.Data;

namespace Dllm.Training;

/// <summary>
/// The whole recipe of a run: model shape, data, optimisation and seed. It is saved with every
/// checkpoint, and a resumed run continues with the saved recipe.
/// </summary>
public sealed record TrainingSettings
{
    public int Layers { get; init; } = 2;
    public int HiddenSize { get; init; } = 64;
    public int Heads { get; init; } = 4;
    public int KvHeads { get; init; } = 4;
    public int IntermediateSize { get; init; } = 176;
    public int MaxSequenceLength { get; init; } = 512;
    public float RopeTheta { get; init; } = 500000f;
    public float RmsNormEps { get; init; } = 1e-5f;
    /// <summary>Standard deviation of the initial matrices (see <c>LladaParameters.Initialize</c>).</summary>
    public float InitStd { get; init; } = 0.02f;

    /// <summary>Generated tasks, as <c>TaskCatalog.Parse</c> reads them ("addition,sort:8").</summary>
    public string Tasks { get; init; } = "addition";
    /// <summary>Answer canvas of a task sample in tokens: the answer, then EOS to the end.</summary>
    public int AnswerLength { get; init; } = 8;
    /// <summary>Plain-text file (documents end at blank lines or "%" lines, see <c>TextDocuments</c>), or null for tasks only.</summary>
    public string? TextFile { get; init; }
    /// <summary>Share of samples drawn from <see cref="TextFile"/>.</summary>
    public double TextShare { get; init; } = 0.5;
    /// <summary>Tokens per plain-text window.</summary>
    public int TextLength { get; init; } = 64;

    public int Steps { get; init; } = 1000;
    public int BatchSize { get; init; } = 32;
    public float LearningRate { get; init; } = 3e-3f;
    public float MinLearningRate { get; init; } = 3e-4f;
    public int WarmupSteps { get; init; } = 50;
    public float WeightDecay { get; init; } = 0.1f;
    public float Beta1 { get; init; } = 0.9f;
    public float Beta2 { get; init; } = 0.95f;
    public float ClipNorm { get; init; } = 1f;
    public int Seed { get; init; } = 1;
    /// <summary>Folder of a trained tokenizer (tokenizer.json + tokenizer_config.json), or null for the placeholder character tokenizer.</summary>
    public string? TokenizerDirectory { get; init; }

    public int LogEvery { get; init; } = 10;
    public int CheckpointEvery { get; init; } = 200;

    /// <summary>The tokenizer of the run: the one in <see cref="TokenizerDirectory"/>, else the placeholder.</summary>
    public ITrainingTokenizer CreateTokenizer() =>
        TokenizerDirectory is null ? new CharacterTokenizer() : BpeTrainingTokenizer.FromDirectory(TokenizerDirectory);

    /// <summary>The LLaDA architecture these settings describe, with the tokenizer's vocabulary and special ids.</summary>
    public TransformerConfig ModelConfig(ITrainingTokenizer tokenizer) => new()
    {
        Family = ModelFamily.Llada,
        ModelType = "llada",
        HiddenSize = HiddenSize,
        NumLayers = Layers,
        NumHeads = Heads,
        NumKvHeads = KvHeads,
        IntermediateSize = IntermediateSize,
        VocabSize = tokenizer.VocabSize,
        RopeTheta = RopeTheta,
        RmsNormEps = RmsNormEps,
        QkvBias = false,
        MaskTokenId = tokenizer.MaskId,
        EosTokenId = tokenizer.EndOfTextId,
        PadTokenId = tokenizer.EndOfTextId,
        MaxSequenceLength = MaxSequenceLength,
    };

    /// <summary>The training stream: task pairs, mixed with plain text when a text file is given.</summary>
    public ITrainingData Data(ITrainingTokenizer tokenizer)
    {
        var tasks = new TaskData(Dllm.Evaluation.Tasks.TaskCatalog.Parse(Tasks), tokenizer, AnswerLength);
        if (TextFile is null)
        {
            return tasks;
        }
        var text = new PlainTextData(TextDocuments.Read(TextFile), tokenizer, TextLength);
        return new DataMixture((tasks, 1 - TextShare), (text, TextShare));
    }
}
