using Dllm.Core.Config;
using Dllm.Core.SafeTensors;
using Dllm.Cpu;
using Dllm.Decoding;
using Dllm.Decoding.Decoders;
using Dllm.Decoding.Drafting;
using Dllm.Kernels;
using Dllm.Models;
using Dllm.Tokenizers;

namespace Dllm;

/// <summary>
/// The library entry point: load a Hugging Face model folder once, then generate from prompt ids
/// with the family's reference decoder.
/// </summary>
public sealed class DllmEngine : IDisposable
{
    private readonly DiffusionModel _model;
    private readonly bool _ownsBackend;

    private readonly Lazy<Tokenizer?> _tokenizer;

    private DllmEngine(DiffusionModel model, bool ownsBackend)
    {
        _model = model;
        _ownsBackend = ownsBackend;
        // Loaded on first use: generating from ids never needs it, so a tokenizer dllm cannot read does not block that.
        GenerationDefaults = model.Directory is { } folder ? GenerationConfig.Read(folder) : GenerationConfig.None;
        _tokenizer = new Lazy<Tokenizer?>(() => model.Directory is { } directory && Tokenizer.ExistsIn(directory) ? Tokenizer.FromDirectory(directory) : null);
    }

    public TransformerConfig Config => _model.Config;

    /// <summary>The folder's generation_config.json defaults (read at load; none for an in-memory model).</summary>
    public GenerationConfig GenerationDefaults { get; }

    /// <summary>The model folder's tokenizer, read on first use; null when it ships none (then only ids go in and out).</summary>
    public Tokenizer? Tokenizer => _tokenizer.Value;
    public IBackend Backend => _model.Backend;

    /// <summary>The loaded model, for callers that run forward calls themselves (benchmarks, custom decoders).</summary>
    public DiffusionModel Model => _model;

    /// <summary>Which kernels run the model's blocks: "generic" or "specialized:" and the generated class (see <see cref="DiffusionModel.Kernels"/>).</summary>
    public string Kernels => _model.Kernels;

    /// <summary>Loads <paramref name="directory"/> (its tokenizer, when it has one, is read on first use) on <paramref name="backend"/> (default: the CPU backend on the path <c>DLLM_CPU_PATH</c> pins, else the best one).
    /// The engine disposes a backend it created, never one it was given. <paramref name="kernels"/> picks
    /// specialized or generic blocks (by default specialized when the backend has them, unless <c>DLLM_SPECIALIZE=0</c>).</summary>
    public static DllmEngine Load(string directory, IBackend? backend = null, KernelChoice kernels = KernelChoice.FromEnvironment) =>
        Open(backend, ops => DiffusionModel.Load(directory, ops, kernels));

    /// <summary>
    /// An engine over weights that did not come from a model folder (random weights of a real shape, a
    /// checkpoint copied into memory); it takes ownership of <paramref name="weights"/>. It has no
    /// tokenizer and no generation_config.json defaults.
    /// </summary>
    public static DllmEngine Create(
        IModelFamily family, TransformerConfig config, IWeightSource weights, IBackend? backend = null, KernelChoice kernels = KernelChoice.FromEnvironment) =>
        Open(backend, ops => DiffusionModel.Create(family, config, weights, ops, directory: null, kernels));

    /// <summary>The engine over the model <paramref name="load"/> builds on <paramref name="backend"/>, or on a CPU backend it then owns.</summary>
    private static DllmEngine Open(IBackend? backend, Func<IBackend, DiffusionModel> load)
    {
        IBackend ops = backend ?? new CpuBackend();
        try
        {
            return new DllmEngine(load(ops), ownsBackend: backend is null);
        }
        catch
        {
            if (backend is null)
            {
                ops.Dispose();
            }
            throw;
        }
    }

    public GenerationResult Generate(
        IReadOnlyList<int> promptIds,
        GenerateOptions options,
        Action<DecodeStep>? onStep = null,
        CancellationToken cancellationToken = default)
    {
        var denoiser = new ModelDenoiser(_model);
        var (rule, start) = DecoderPolicy.Plan(Config.Family, denoiser, new DecodeRequest([promptIds.ToArray()]), options);
        int promptLength = promptIds.Count;
        var (final, stats) = options.Decoder is DecoderKind.FreeDave or DecoderKind.FreeDaveThreshold
            ? new FreeDaveDecoder(options.Drafts, options.Drafter == DraftPolicyKind.NearTieTree ? new NearTieDraftTree() : new NestedStaleDrafts()).Decode(
                options.DraftMode == DraftMode.Tree ? new TreePackedDenoiser(denoiser) : denoiser, rule, start, onStep, cancellationToken: cancellationToken)
            : Single(new StaticDecoder().Decode(denoiser, rule, [start], onStep, cancellationToken: cancellationToken));
        return new GenerationResult(final.Ids[promptLength..], DecoderPolicy.DecoderName(Config.Family, options.Decoder), stats);
    }

    private static (DenoiseState, DecodeStats) Single((DenoiseState[] Final, DecodeStats Stats) run) => (run.Final[0], run.Stats);

    /// <summary>
    /// Generates from text: the prompt goes through the chat template (see <see cref="ChatPrompt"/>),
    /// and the answer's text is passed to <paramref name="onText"/> piece by piece as tokens settle.
    /// </summary>
    public TextGenerationResult GenerateText(
        string prompt,
        GenerateOptions options,
        bool? chat = null,
        Action<string>? onText = null,
        CancellationToken cancellationToken = default)
    {
        Tokenizer tokenizer = Tokenizer ?? throw new Core.Errors.TokenizerNotFoundException(_model.Directory ?? "the in-memory model");
        string promptText = ChatPrompt.Format(tokenizer, prompt, chat);
        int[] promptIds = tokenizer.Encode(promptText);
        var text = new SettledText(tokenizer, promptIds.Length, options.GenLength, Config.EosTokenId, onText ?? (_ => { }));
        GenerationResult generation = Generate(promptIds, options, text.OnStep, cancellationToken);
        text.Complete(generation.Ids);
        return new TextGenerationResult(text.Text, promptText, promptIds, generation);
    }

    public void Dispose()
    {
        _model.Dispose();
        if (_ownsBackend)
        {
            _model.Backend.Dispose();
        }
    }
}
