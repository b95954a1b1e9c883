using System.CommandLine;
using Dllm.Training;

namespace Dllm.TinyTrainer.Commands;

/// <summary>`tinytrainer train`: the flags and their mapping onto <see cref="TrainingSettings"/>.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var d = new TrainingSettings();
        var output = new Option<string>("--out", "-o") { Description = "Run folder: checkpoints (a loadable model folder) and the side files to resume.", Required = true };
        var layers = new Option<int>("--layers") { Description = "Transformer blocks.", DefaultValueFactory = _ => d.Layers };
        var hidden = new Option<int>("--d-model") { Description = "Hidden size.", DefaultValueFactory = _ => d.HiddenSize };
        var heads = new Option<int>("--heads") { Description = "Attention heads.", DefaultValueFactory = _ => d.Heads };
        var kvHeads = new Option<int>("--kv-heads") { Description = "Key/value heads.", DefaultValueFactory = _ => d.KvHeads };
        var mlp = new Option<int>("--mlp") { Description = "SwiGLU hidden size.", DefaultValueFactory = _ => d.IntermediateSize };
        var tasks = new Option<string>("--tasks") { Description = "Generated tasks, e.g. addition,sort:8,shuffle:5.", DefaultValueFactory = _ => d.Tasks };
        var answerLength = new Option<int>("--answer-length") { Description = "Answer canvas of a task sample in tokens (answer + EOS padding).", DefaultValueFactory = _ => d.AnswerLength };
        var text = new Option<string?>("--text") { Description = "Plain-text file; documents end at blank lines or lines holding only % (fortune files read as they are)." };
        var textShare = new Option<double>("--text-share") { Description = "Share of samples drawn from --text.", DefaultValueFactory = _ => d.TextShare };
        var textLength = new Option<int>("--text-length") { Description = "Tokens per plain-text window.", DefaultValueFactory = _ => d.TextLength };
        var steps = new Option<int>("--steps") { Description = "Optimizer steps of the whole run.", DefaultValueFactory = _ => d.Steps };
        var batch = new Option<int>("--batch") { Description = "Sequences per step.", DefaultValueFactory = _ => d.BatchSize };
        var learningRate = new Option<float>("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => d.LearningRate };
        var minLearningRate = new Option<float>("--min-lr") { Description = "Learning rate at the last step (cosine decay).", DefaultValueFactory = _ => d.MinLearningRate };
        var warmup = new Option<int>("--warmup") { Description = "Linear warmup steps.", DefaultValueFactory = _ => d.WarmupSteps };
        var weightDecay = new Option<float>("--weight-decay") { Description = "AdamW decoupled weight decay (matrices only).", DefaultValueFactory = _ => d.WeightDecay };
        var clip = new Option<float>("--clip") { Description = "Global gradient-norm limit.", DefaultValueFactory = _ => d.ClipNorm };
        var seed = new Option<int>("--seed") { Description = "Seed of the initial weights and of every step's batch.", DefaultValueFactory = _ => d.Seed };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "Folder written by the tokenizer command (tokenizer.json + tokenizer_config.json); default: the placeholder character tokenizer." };
        var logEvery = new Option<int>("--log-every") { Description = "Steps between progress lines.", DefaultValueFactory = _ => d.LogEvery };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => d.CheckpointEvery };
        var session = SessionOptions.Create();

        var command = new Command("train", "Start a training run from fresh weights.")
        {
            output, layers, hidden, heads, kvHeads, mlp, tasks, answerLength, text, textShare, textLength, steps, batch,
            learningRate, minLearningRate, warmup, weightDecay, clip, seed, tokenizer, logEvery, checkpointEvery,
        };
        session.AddTo(command);
        command.SetAction(parse =>
        {
            var settings = new TrainingSettings
            {
                Layers = parse.GetValue(layers),
                HiddenSize = parse.GetValue(hidden),
                Heads = parse.GetValue(heads),
                KvHeads = parse.GetValue(kvHeads),
                IntermediateSize = parse.GetValue(mlp),
                Tasks = parse.GetValue(tasks)!,
                AnswerLength = parse.GetValue(answerLength),
                TextFile = parse.GetValue(text) is { } file ? Path.GetFullPath(file) : null,
                TextShare = parse.GetValue(textShare),
                TextLength = parse.GetValue(textLength),
                Steps = parse.GetValue(steps),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(learningRate),
                MinLearningRate = parse.GetValue(minLearningRate),
                WarmupSteps = parse.GetValue(warmup),
                WeightDecay = parse.GetValue(weightDecay),
                ClipNorm = parse.GetValue(clip),
                Seed = parse.GetValue(seed),
                TokenizerDirectory = parse.GetValue(tokenizer) is { } folder ? Path.GetFullPath(folder) : null,
                LogEvery = parse.GetValue(logEvery),
                CheckpointEvery = parse.GetValue(checkpointEvery),
            };
            return ToolErrors.Run(() => TrainRunner.Run(parse.GetValue(output)!, settings, session.Read(parse), Console.Out), Console.Error);
        });
        return command;
    }
}
