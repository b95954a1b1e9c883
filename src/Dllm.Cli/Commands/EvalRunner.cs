using Dllm.Cli.Models;
using Dllm.Cli.Rendering;
using Dllm.Core.Errors;
using Dllm.Evaluation;
using Dllm.Evaluation.Tasks;
using Dllm.Gpu.Cuda;

namespace Dllm.Cli.Commands;

/// <summary>Runs `dllm eval`: one line (or JSON object) per task, with a few examples.</summary>
public static class EvalRunner
{
    public static int Run(EvalSettings settings, TextWriter output, TextWriter error) => CliErrors.Report(error, () =>
    {
        if (settings.Count < 1)
        {
            throw new InvalidRequestException($"--count must be at least 1, not {settings.Count}.");
        }
        GenerateOptions requested = Commands.TopK.Apply(settings.Options, settings.TopK);
        IReadOnlyList<ITaskGenerator> tasks;
        try
        {
            tasks = TaskCatalog.Parse(settings.Tasks);
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException(e.Message);
        }
        string modelDirectory = settings.ModelDirectory ?? EmbeddedModel.Directory();
        using PtxBackend? device = DeviceBackend.Open(settings.Device, error);
        using DllmEngine engine = DllmEngine.Load(modelDirectory, device);
        GenerateOptions options = GenLength.Resolve(requested, settings.GenLength, engine.GenerationDefaults);
        DeviceBackend.EnsureFits(device, engine.Config, modelDirectory, DeviceBackend.PromptAllowance + options.GenLength);
        foreach (ITaskGenerator task in tasks)
        {
            TaskScore score = TaskEvaluator.Score(engine, task, settings.Count, settings.InstanceSeed, options);
            if (settings.Json)
            {
                TaskScoreJson.Write(output, score);
            }
            else
            {
                output.WriteLine(TaskScoreText.Format(score, settings.InstanceSeed, options.GenLength));
            }
        }
    });
}
