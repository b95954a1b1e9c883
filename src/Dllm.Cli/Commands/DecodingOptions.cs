using System.CommandLine;
using System.CommandLine.Parsing;

namespace Dllm.Cli.Commands;

/// <summary>
/// The decoding flags `dllm generate` and `dllm eval` share (canvas, schedule, sampling, decoder) and
/// their mapping onto <see cref="GenerateOptions"/>.
/// </summary>
public sealed class DecodingOptions
{
    private readonly Option<int?> _genLength = new("--gen-length") { Description = "Tokens to generate (the answer canvas). Default: the model's generation_config.json max_new_tokens, else 128." };
    private readonly Option<int?> _steps = new("--steps") { Description = "Forward calls of static decoding (default: the gen length)." };
    private readonly Option<int?> _blockLength = new("--block-length") { Description = "LLaDA block length (default 32, or the gen length if 32 does not divide it)." };
    private readonly Option<string?> _alg = new("--alg") { Description = "LLaDA: low_confidence, random. Dream: maskgit_plus, topk_margin, entropy, origin." };
    private readonly Option<float> _temperature = new("--temperature") { Description = "Sampling temperature (0: greedy)." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the keyed sampling noise." };
    private readonly Option<float> _algTemp = new("--alg-temp") { Description = "Dream alg_temp: sample positions from softmax(confidence / alg_temp)." };
    private readonly Option<float> _cfgScale = new("--cfg-scale") { Description = "LLaDA classifier-free guidance scale." };
    private readonly Option<string?> _topK = new("--top-k") { Description = "Dream top-k filter: a number, or 'none' (default 50, as upstream inherits it)." };
    private readonly Option<float?> _topP = new("--top-p") { Description = "Dream nucleus filter (default off)." };
    private readonly Option<float?> _eps = new("--eps") { Description = "Dream final timestep (default 1e-3)." };
    private readonly Option<DecoderKind> _decoder = new("--decoder") { Description = "static (the family's reference), threshold, freedave or freedave-threshold.", CustomParser = ParseDecoder };
    private readonly Option<int> _drafts = new("--drafts") { Description = "FreeDave drafts per forward call.", DefaultValueFactory = _ => 4 };
    private readonly Option<DraftMode> _draftMode = new("--draft-mode") { Description = "FreeDave drafts as a batch, or packed in one sequence (tree attention)." };
    private readonly Option<DraftPolicyKind> _drafter = new("--drafter") { Description = "FreeDave drafts: nested (the paper's) or near-tie-tree (fewer calls).", CustomParser = ParseDrafter };
    private readonly Option<float> _threshold = new("--threshold") { Description = "Confidence threshold of threshold decoding.", DefaultValueFactory = _ => 0.9f };

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[_genLength, _steps, _blockLength, _alg, _temperature, _seed, _algTemp, _cfgScale, _topK, _topP, _eps,
            _decoder, _drafts, _draftMode, _drafter, _threshold])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options; the gen length is left at its default (see <see cref="ReadGenLength"/>).</summary>
    public GenerateOptions Read(ParseResult parse) => new()
    {
        Steps = parse.GetValue(_steps),
        BlockLength = parse.GetValue(_blockLength),
        Algorithm = parse.GetValue(_alg),
        Temperature = parse.GetValue(_temperature),
        Seed = parse.GetValue(_seed),
        AlgTemp = parse.GetValue(_algTemp),
        CfgScale = parse.GetValue(_cfgScale),
        TopP = parse.GetValue(_topP),
        Eps = parse.GetValue(_eps),
        Decoder = parse.GetValue(_decoder),
        Drafts = parse.GetValue(_drafts),
        DraftMode = parse.GetValue(_draftMode),
        Drafter = parse.GetValue(_drafter),
        Threshold = parse.GetValue(_threshold),
    };

    /// <summary>--gen-length when given; null lets the model's default decide (see <see cref="GenLength.Resolve"/>).</summary>
    public int? ReadGenLength(ParseResult parse) => parse.GetValue(_genLength);

    /// <summary>--top-k as typed: a number, "none", or null when not given (see <see cref="TopK.Apply"/>).</summary>
    public string? ReadTopK(ParseResult parse) => parse.GetValue(_topK);

    /// <summary>Decoder names as the README writes them ("freedave-threshold", not the enum's spelling).</summary>
    private static DecoderKind ParseDecoder(ArgumentResult result)
    {
        string text = result.Tokens.Count == 0 ? "static" : result.Tokens[0].Value;
        switch (text)
        {
            case "static": return DecoderKind.Static;
            case "threshold": return DecoderKind.Threshold;
            case "freedave": return DecoderKind.FreeDave;
            case "freedave-threshold": return DecoderKind.FreeDaveThreshold;
            default:
                result.AddError($"Unknown decoder '{text}'; use static, threshold, freedave or freedave-threshold.");
                return DecoderKind.Static;
        }
    }

    private static DraftPolicyKind ParseDrafter(ArgumentResult result)
    {
        string text = result.Tokens.Count == 0 ? "nested" : result.Tokens[0].Value;
        switch (text)
        {
            case "nested": return DraftPolicyKind.Nested;
            case "near-tie-tree": return DraftPolicyKind.NearTieTree;
            default:
                result.AddError($"Unknown drafter '{text}'; use nested or near-tie-tree.");
                return DraftPolicyKind.Nested;
        }
    }
}
