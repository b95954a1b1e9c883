using System.CommandLine;
using Dllm.Cli.Images;
using Dllm.Cli.Models;
using Dllm.Cli.Rendering;

namespace Dllm.Cli.Commands;

/// <summary>`dllm info`: a model's shape, its specialization fingerprint, and which kernels and CPU path would run it.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object: model, model_type, shape, fingerprint, kernels, backend, cpu_path (null on a GPU), image (jit, or native-aot and its instruction set)." };
        var command = new Command("info", "Show a model's shape and which kernels (specialized or generic) and CPU path run it.") { model, json };
        command.SetAction(parse => Run(parse.GetValue(model), parse.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Loads the model as `generate` would (weights mapped, not read) and prints what was chosen.</summary>
    public static int Run(string? modelDirectory, bool json, TextWriter output, TextWriter error) => CliErrors.Report(error, () =>
    {
        using DllmEngine engine = DllmEngine.Load(modelDirectory ?? EmbeddedModel.Directory());
        var info = new ModelInfo(modelDirectory ?? "(built in)", engine.Config, engine.Backend.Name, engine.Kernels, NativeImage.Describe());
        output.Write(json ? info.ToJson() : info.ToText());
    });
}
