using System.CommandLine;
using Dllm.Models;

namespace Dllm.Cli.Commands;

/// <summary>`dllm bench`: the flags and their mapping onto <see cref="BenchSettings"/>.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create();
        var shape = new Option<string?>("--shape") { Description = $"Benchmark random weights of a released model's shape instead of a folder: {string.Join(", ", ReferenceShapes.Names)}." };
        var layers = new Option<int?>("--layers") { Description = "Layers of the random model (default: the shape's own)." };
        var weightsSeed = new Option<int>("--weights-seed") { Description = "Seed of the random weights.", DefaultValueFactory = _ => 8 };
        var save = new Option<string?>("--save") { Description = "Write the random model to this folder (config.json + model.safetensors, bf16) and benchmark it from there, memory-mapped." };
        var weights = new Option<string?>("--weights") { Description = "mapped (read through the file mapping, as generate does), memory (copied into memory first) or both, interleaved. Default: mapped for a folder, memory for an unsaved random model." };
        var promptIds = new Option<string?>("--prompt-ids") { Description = "Prompt as comma-separated token ids (default: --prompt-length seeded random ids)." };
        var promptLength = new Option<int>("--prompt-length") { Description = "Length of the random prompt.", DefaultValueFactory = _ => 8 };
        var repeat = new Option<int>("--repeat") { Description = "Timed requests per weights copy; the best is reported.", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed requests first.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (per-call ms, GFLOP/s, % of the FMA peak, cores busy, path, kernels)." };
        var decoding = new DecodingOptions();
        var command = new Command("bench", "Time a generate request: per-call ms, GFLOP/s and % of this machine's FMA peak measured in the same run, cores busy, and which path and kernels ran.")
        {
            model, shape, layers, weightsSeed, save, weights, promptIds, promptLength, repeat, warmup,
        };
        decoding.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse => BenchRunner.Run(new BenchSettings
        {
            ModelDirectory = parse.GetValue(model),
            Shape = parse.GetValue(shape),
            Layers = parse.GetValue(layers),
            WeightsSeed = parse.GetValue(weightsSeed),
            SaveDirectory = parse.GetValue(save),
            Weights = parse.GetValue(weights),
            PromptIds = parse.GetValue(promptIds),
            PromptLength = parse.GetValue(promptLength),
            Options = decoding.Read(parse),
            GenLength = decoding.ReadGenLength(parse),
            TopK = decoding.ReadTopK(parse),
            Repeat = parse.GetValue(repeat),
            Warmup = parse.GetValue(warmup),
            Json = parse.GetValue(json),
        }, Console.Out, Console.Error));
        return command;
    }
}
