using Dllm.Core.Config;
using Dllm.Core.Errors;
using Dllm.Core.SafeTensors;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Models.Common;

namespace Dllm.Models;

/// <summary>
/// A loaded masked-diffusion language model: config, memory-mapped weights, and the forward pass
/// over a batch of independent sequences. Not safe for concurrent forward calls (it reuses its
/// activation buffers).
/// </summary>
public sealed class DiffusionModel : IDisposable
{
    private readonly IWeightSource _source;
    private readonly TransformerWeights _weights;
    private readonly ForwardWorkspace _workspace;
    private readonly RopeTable _rope;
    private readonly IFusedDenoiseStep? _step;

    private DiffusionModel(string? directory, IModelFamily family, TransformerConfig config, IWeightSource source, IBackend backend, IFusedDenoiseStep? step)
    {
        if (step is not null && step.Shape.BlockShape() != ModelShape.Of(config).BlockShape())
        {
            throw new ArgumentException($"The fused step {step.Name} is for shape {step.Shape}, the model has {ModelShape.Of(config)}.", nameof(step));
        }
        Directory = directory;
        Family = family;
        Config = config;
        Backend = backend;
        _source = source;
        _weights = TransformerWeights.Load(source, config, family.WeightNames);
        _workspace = new ForwardWorkspace(config, residualOnly: step is not null);
        _rope = new RopeTable(config.RopeTheta, config.HeadDim);
        _step = step;
    }

    /// <summary>The model folder, or null for weights that did not come from one.</summary>
    public string? Directory { get; }
    public IModelFamily Family { get; }
    public TransformerConfig Config { get; }
    public IBackend Backend { get; }

    /// <summary>Which kernels run the blocks: "generic", or "specialized:" and the specialization's name (for example "specialized:LladaTiny").</summary>
    public string Kernels => _step is null ? "generic" : $"specialized:{_step.Name}";

    /// <summary>
    /// Reads config.json, picks the family by model_type, maps and validates the weights, and picks the
    /// kernels (<paramref name="kernels"/>: by default the backend's specialization for the config's shape, if any).
    /// </summary>
    public static DiffusionModel Load(string directory, IBackend backend, KernelChoice kernels = KernelChoice.FromEnvironment)
    {
        var (family, config) = ReadConfig(directory);
        return Create(family, config, Checkpoint.Open(directory), backend, directory, kernels);
    }

    /// <summary>The family (by model_type) and the validated config of the folder's config.json.</summary>
    public static (IModelFamily Family, TransformerConfig Config) ReadConfig(string directory)
    {
        var (modelType, document) = ConfigJson.Load(directory);
        using (document)
        {
            string configFile = Path.Combine(directory, ConfigJson.FileName);
            IModelFamily family = ModelRegistry.Resolve(modelType, configFile);
            return (family, family.ParseConfig(document.RootElement, configFile));
        }
    }

    /// <summary>A model over weights from any source; the model takes ownership of <paramref name="weights"/>.</summary>
    public static DiffusionModel Create(
        IModelFamily family,
        TransformerConfig config,
        IWeightSource weights,
        IBackend backend,
        string? directory = null,
        KernelChoice kernels = KernelChoice.FromEnvironment)
    {
        IFusedDenoiseStep? step = null;
        try
        {
            step = KernelSelection.Resolve(kernels) == KernelChoice.Specialized ? backend.Specialize(ModelShape.Of(config)) : null;
        }
        catch
        {
            weights.Dispose();
            throw;
        }
        return Create(family, config, weights, backend, directory, step);
    }

    /// <summary>
    /// A model whose blocks run <paramref name="step"/> (null: the generic ops), which must be for the
    /// config's shape; the model takes ownership of <paramref name="weights"/> and <paramref name="step"/>.
    /// </summary>
    public static DiffusionModel Create(
        IModelFamily family,
        TransformerConfig config,
        IWeightSource weights,
        IBackend backend,
        string? directory,
        IFusedDenoiseStep? step)
    {
        try
        {
            return new DiffusionModel(directory, family, config, weights, backend, step);
        }
        catch
        {
            step?.Dispose();
            weights.Dispose();
            throw;
        }
    }

    /// <summary>One forward call: every sequence through every layer, then the head on the scored positions.</summary>
    public ForwardResult Forward(IReadOnlyList<ForwardSequence> batch) => Head(batch, RunLayers(batch));

    /// <summary>
    /// The hidden states after the last block, before the final norm: [total rows, D], the batch's
    /// sequences packed in order. For tests and tools that compare what the blocks compute.
    /// </summary>
    public float[] HiddenStates(IReadOnlyList<ForwardSequence> batch)
    {
        RunLayers(batch);
        return _workspace.Residual.ToArray();
    }

    /// <summary>Embeds the batch and runs every block; the result is left in the workspace's residual.</summary>
    private SequenceSlice[] RunLayers(IReadOnlyList<ForwardSequence> batch)
    {
        int totalRows = Validate(batch);
        var sequences = new SequenceSlice[batch.Count];
        var ids = new int[totalRows];
        var positions = new int[totalRows];
        int maxPosition = 0;
        for (int s = 0, start = 0; s < batch.Count; start += batch[s].Length, s++)
        {
            ForwardSequence sequence = batch[s];
            sequences[s] = new SequenceSlice(start, sequence.Length, sequence.Mask);
            sequence.Ids.CopyTo(ids, start);
            for (int i = 0; i < sequence.Length; i++)
            {
                positions[start + i] = sequence.PositionIds?[i] ?? i;
                maxPosition = Math.Max(maxPosition, positions[start + i]);
            }
        }
        _rope.EnsureCapacity(maxPosition + 1);
        _workspace.EnsureRows(totalRows);
        _workspace.ActiveRows = totalRows;

        Backend.Embedding(_weights.Embedding, ids, _workspace.Residual);
        foreach (LayerWeights layer in _weights.Layers)
        {
            if (_step is null)
            {
                TransformerBlock.Forward(Backend, Config, layer, _workspace, positions, sequences, _rope);
            }
            else
            {
                _step.Block(_workspace.Residual, layer, positions, sequences, _rope);
            }
        }
        return sequences;
    }

    /// <summary>
    /// Gathers every scored row of every sequence and runs the fused head once over all of them
    /// (row-wise, so batching rows changes nothing); logits are kept only for sequences that asked.
    /// </summary>
    private ForwardResult Head(IReadOnlyList<ForwardSequence> batch, SequenceSlice[] sequences)
    {
        int d = Config.HiddenSize;
        int vocab = Config.VocabSize;
        int rows = batch.Sum(sequence => sequence.ScorePositions.Length);
        bool anyLogits = batch.Any(sequence => sequence.ReturnLogits);
        var hidden = new float[rows * d];                        // [rows, D]
        var allStats = new RowStats[rows];
        long logitsLength = anyLogits ? (long)rows * vocab : 0;
        if (logitsLength > Array.MaxLength)
        {
            throw new InvalidRequestException($"{rows} scored rows of {vocab} logits do not fit one buffer; ask for fewer rows.");
        }
        var allLogits = new float[logitsLength];                 // [rows, V], empty when nobody asked
        ReadOnlySpan<float> residual = _workspace.Residual;
        for (int s = 0, row = 0; s < batch.Count; s++)
        {
            foreach (int position in batch[s].ScorePositions)
            {
                residual.Slice((sequences[s].Start + position) * d, d).CopyTo(hidden.AsSpan(row++ * d, d));
            }
        }
        Backend.FusedHead(hidden, _weights.FinalNorm, Config.RmsNormEps, _weights.Head, allStats, allLogits);

        var stats = new RowStats[batch.Count][];
        var logits = new float[]?[batch.Count];
        for (int s = 0, first = 0; s < batch.Count; first += batch[s].ScorePositions.Length, s++)
        {
            int count = batch[s].ScorePositions.Length;
            stats[s] = allStats.AsSpan(first, count).ToArray();
            if (batch[s].ReturnLogits)
            {
                logits[s] = allLogits.AsSpan(first * vocab, count * vocab).ToArray();
            }
        }
        return new ForwardResult(stats, logits, vocab);
    }

    private int Validate(IReadOnlyList<ForwardSequence> batch)
    {
        int total = 0;
        for (int s = 0; s < batch.Count; s++)
        {
            ForwardSequence sequence = batch[s];
            if (sequence.Length == 0)
            {
                throw new InvalidRequestException($"Sequence {s} is empty.");
            }
            // The limit is on positions: packed sequences (tree drafts) may be longer than any one position.
            int lastPosition = sequence.PositionIds?.Max() ?? sequence.Length - 1;
            if (lastPosition >= Config.MaxSequenceLength)
            {
                throw new InvalidRequestException(
                    $"Sequence {s} reaches position {lastPosition}; the model's maximum sequence length is {Config.MaxSequenceLength}.");
            }
            foreach (int id in sequence.Ids)
            {
                if ((uint)id >= (uint)Config.VocabSize)
                {
                    throw new InvalidRequestException($"Token id {id} in sequence {s} is outside the vocabulary (0..{Config.VocabSize - 1}).");
                }
            }
            if (sequence.PositionIds is { } pos && (pos.Length != sequence.Length || pos.Any(p => p < 0)))
            {
                throw new InvalidRequestException($"Sequence {s}: position ids must be {sequence.Length} non-negative values.");
            }
            if (sequence.Mask is { } mask && mask.Length != sequence.Length)
            {
                throw new InvalidRequestException($"Sequence {s}: attention mask is {mask.Length} long, the sequence {sequence.Length}.");
            }
            foreach (int p in sequence.ScorePositions)
            {
                if ((uint)p >= (uint)sequence.Length)
                {
                    throw new InvalidRequestException($"Sequence {s}: scored position {p} is outside 0..{sequence.Length - 1}.");
                }
            }
            total += sequence.Length;
        }
        return total;
    }

    public void Dispose()
    {
        _step?.Dispose();
        _workspace.Dispose();
        _source.Dispose();
    }
}
