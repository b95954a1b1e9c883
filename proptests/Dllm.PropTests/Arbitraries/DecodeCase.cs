using Dllm.Core.Config;
using Dllm.Cpu;
using Dllm.Decoding;
using Dllm.Decoding.Decoders;
using Dllm.Decoding.Rules;
using Dllm.Kernels;
using Dllm.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Dllm.PropTests.Arbitraries;

/// <summary>
/// A random decode: a tiny model, a prompt (sometimes holding mask ids), the family's static
/// decoding settings, a draft count from 1 to block length + 1, and a draft mode.
/// </summary>
public sealed record DecodeCase(
    TinyModelSpec Model,
    int[] Prompt,
    LladaDecodeOptions? Llada,
    DreamDecodeOptions? Dream,
    int Drafts,
    bool Tree)
{
    public IDecodingRule Rule(IDenoiser model, out DenoiseState start)
    {
        var request = new DecodeRequest([Prompt]);
        if (Llada is { } llada)
        {
            var (rule, states) = LladaStaticDecoder.Prepare(model, request, llada);
            start = states[0];
            return rule;
        }
        var (dreamRule, dreamStates) = DreamStaticDecoder.Prepare(model, request, Dream!);
        start = dreamStates[0];
        return dreamRule;
    }

    /// <summary>
    /// Builds the model on the CPU backend (or on the backend <paramref name="openBackend"/> returns) and runs
    /// <paramref name="body"/> with it, the rule and the start state.
    /// </summary>
    public Property WithModel(Func<IDenoiser, IDecodingRule, DenoiseState, Property> body, Func<IBackend>? openBackend = null)
    {
        using IBackend backend = openBackend?.Invoke() ?? new CpuBackend(CpuPaths.Best, threads: 2);
        using DiffusionModel model = Model.Build(backend);
        var denoiser = new ModelDenoiser(model);
        IDecodingRule rule = Rule(denoiser, out DenoiseState start);
        return body(denoiser, rule, start);
    }

    public override string ToString() =>
        $"{Model}; prompt [{string.Join(",", Prompt)}]; {(object?)Llada ?? Dream}; drafts {Drafts}, {(Tree ? "tree" : "batch")}";

    private static Gen<LladaDecodeOptions> LladaOptions =>
        from blockLength in Gen.Choose(1, 6)
        from blocks in Gen.Choose(1, 3)
        from stepsPerBlock in Gen.Choose(1, blockLength + 1)
        from temperature in Temperatures
        from remasking in Gen.Elements(LladaRemasking.LowConfidence, LladaRemasking.LowConfidence, LladaRemasking.Random)
        from seed in Gen.Choose(0, 1000)
        select new LladaDecodeOptions
        {
            BlockLength = blockLength, GenLength = blockLength * blocks, Steps = stepsPerBlock * blocks,
            Temperature = temperature, Remasking = remasking, Seed = (ulong)seed,
        };

    private static Gen<float> Temperatures => Gen.Elements(0f, 0f, 0.5f, 1f);

    private static Gen<DreamDecodeOptions> DreamOptions =>
        from generated in Gen.Choose(1, 10)
        from steps in Gen.Choose(1, generated)
        from alg in Gen.Elements(DreamAlgorithm.MaskgitPlus, DreamAlgorithm.TopkMargin, DreamAlgorithm.Entropy, DreamAlgorithm.Origin)
        from topK in Gen.Elements<int?>(null, 3, 50)
        from topP in Gen.Elements<float?>(null, 0.9f)
        from temperature in Temperatures
        from algTemp in Gen.Elements(0f, 0f, 0.5f)
        from seed in Gen.Choose(0, 1000)
        select new DreamDecodeOptions
        {
            MaxNewTokens = generated, Steps = steps, Algorithm = alg, TopK = topK, TopP = topP,
            Temperature = temperature, AlgTemp = algTemp, Seed = (ulong)seed,
        };

    public static Arbitrary<DecodeCase> Arbitrary =>
        (from model in ForwardBatchCase.Models
         from promptLength in Gen.Choose(1, 6)
         from prompt in Gen.Choose(0, model.Vocab - 1).ArrayOf(promptLength)
         from llada in LladaOptions
         from dream in DreamOptions
         from tree in Gen.Elements(false, true)
         let blockLength = model.Family == ModelFamily.Llada ? llada.BlockLength : dream.MaxNewTokens
         from drafts in Gen.Choose(1, blockLength + 1)
         select new DecodeCase(model, prompt, model.Family == ModelFamily.Llada ? llada : null,
             model.Family == ModelFamily.Dream ? dream : null, drafts, tree)).ToArbitrary();
}
