using Dllm.Cpu;
using Dllm.Tests.Fixtures;
using Dllm.Tokenizers;
using Dllm.Training;
using Dllm.Training.Data;
using Dllm.Training.Objective;
using Dllm.Training.Tokenization;

namespace Dllm.Tests.Training;

/// <summary>
/// A trained tokenizer folder drives training: task prompts go through its chat template exactly as
/// the engine's chat mode renders them, and a checkpoint carries the tokenizer files so the engine
/// generates text from it.
/// </summary>
public sealed class BpeTrainingTokenizerTests : IDisposable
{
    private static readonly string[] Corpus =
    [
        "Once upon a time there was a tokenizer that counted 12 sheep and 7 goats.",
        "sort the numbers 3 1 4 1 5 and then reverse them: the answer is simple.",
        "Ann, Ben and Cal stood in line; Eve joined them at the end of the line.",
    ];

    private readonly TempDirectory _temp = new();

    public BpeTrainingTokenizerTests()
    {
        TrainedBpe bpe = BpeTrainer.Train(Corpus, 300, SpecialTokenNames.All);
        TokenizerJsonWriter.Write(bpe, TokenizerFolder);
        TokenizerConfigWriter.Write(bpe, TokenizerFolder, modelMaxLength: 512);
    }

    private string TokenizerFolder => _temp.File("tokenizer");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Prompts_render_as_the_engine_chat_mode_renders_them()
    {
        var training = BpeTrainingTokenizer.FromDirectory(TokenizerFolder);
        Tokenizer engine = Tokenizer.FromDirectory(TokenizerFolder);

        Assert.Equal("<|im_start|>123+456=<|im_end|>", training.FormatPrompt("123+456="));
        Assert.Equal(ChatPrompt.Format(engine, "123+456=", chat: null), training.FormatPrompt("123+456="));
        Assert.Equal(engine.TokenToId(SpecialTokenNames.Mask), training.MaskId);
        Assert.Equal(engine.TokenToId(SpecialTokenNames.EndOfText), training.EndOfTextId);
        Assert.Equal(engine.IdCount, training.VocabSize);
    }

    [Fact]
    public void A_task_sample_is_the_templated_prompt_then_the_answer_and_eos_padding()
    {
        var tokenizer = BpeTrainingTokenizer.FromDirectory(TokenizerFolder);
        var data = new TaskData(Dllm.Evaluation.Tasks.TaskCatalog.Parse("addition:2"), tokenizer, answerLength: 6);
        TrainingSample sample = data.Next(new Random(3));

        int[] prompt = sample.Ids[..sample.PromptLength];
        Assert.Equal(tokenizer.Encode(SpecialTokenNames.TurnStart)[0], prompt[0]);
        Assert.Equal(tokenizer.Encode(SpecialTokenNames.TurnEnd)[0], prompt[^1]);
        string question = tokenizer.Decode(prompt);
        string answer = tokenizer.Decode(sample.Ids[sample.PromptLength..]);
        string[] terms = question.TrimEnd('=').Split('+');
        Assert.Equal((int.Parse(terms[0]) + int.Parse(terms[1])).ToString(), answer);
        Assert.Equal(tokenizer.EndOfTextId, sample.Ids[^1]);
    }

    [Fact]
    public void A_checkpoint_carries_the_tokenizer_and_its_answer_length_and_generates_text_in_the_engine()
    {
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        string run = TrainRun(backend, steps: 2);
        Assert.Equal(File.ReadAllBytes(Path.Combine(TokenizerFolder, "tokenizer.json")), File.ReadAllBytes(Path.Combine(run, "tokenizer.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(TokenizerFolder, "tokenizer_config.json")), File.ReadAllBytes(Path.Combine(run, "tokenizer_config.json")));

        using DllmEngine engine = DllmEngine.Load(run, backend);
        Assert.Equal(TinyRuns.Settings(steps: 2).AnswerLength, engine.GenerationDefaults.MaxNewTokens); // generation_config.json
        TextGenerationResult result = engine.GenerateText("12+34=", new GenerateOptions { GenLength = 5, Steps = 5, BlockLength = 5 });
        Assert.Equal("<|im_start|>12+34=<|im_end|>", result.PromptText);
        Assert.Equal(5, result.Generation.Ids.Length);
        Assert.Equal(5, result.Generation.Stats.ForwardCalls);
    }

    /// <summary>A tiny run with the trained tokenizer, checkpointed at its end.</summary>
    private string TrainRun(CpuBackend backend, int steps)
    {
        string run = _temp.File("run");
        TrainingSettings settings = TinyRuns.Settings(steps) with { TokenizerDirectory = TokenizerFolder };
        using Trainer trainer = Trainer.Start(settings, settings.CreateTokenizer(), run, backend);
        trainer.Run(TextWriter.Null);
        return run;
    }

    [Fact]
    public void A_run_does_not_resume_with_another_tokenizer()
    {
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        string run = TrainRun(backend, steps: 1);
        var error = Assert.Throws<InvalidOperationException>(() => Trainer.Resume(run, new CharacterTokenizer(), backend));
        Assert.Contains("bpe-", error.Message);
    }
}
