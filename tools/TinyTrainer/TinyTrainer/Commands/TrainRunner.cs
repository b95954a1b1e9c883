using System.Globalization;
using Dllm.Cpu;
using Dllm.Training;
using Dllm.Training.Checkpoints;
using Dllm.Training.Data;

namespace Dllm.TinyTrainer.Commands;

/// <summary>Starts or resumes a run on the CPU backend, stopping cleanly (with a checkpoint) on Ctrl+C.</summary>
public static class TrainRunner
{
    /// <summary>Starts a run when <paramref name="settings"/> is given, otherwise resumes the one in <paramref name="directory"/> (changed by <paramref name="extension"/> when given).</summary>
    public static int Run(string directory, TrainingSettings? settings, SessionSettings session, TextWriter output, RunExtension? extension = null)
    {
        using var backend = new CpuBackend(CpuPaths.FromEnvironment(), session.Threads);
        ITrainingTokenizer tokenizer = (settings ?? CheckpointFolder.LoadState(directory).Settings).CreateTokenizer();
        using Trainer trainer = settings is null
            ? Trainer.Resume(directory, tokenizer, backend, extension)
            : Trainer.Start(settings, tokenizer, directory, backend);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += stop;
        try
        {
            var config = trainer.Model.Config;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(settings is null ? "resuming at" : "starting")} step {trainer.Step}/{trainer.Settings.Steps}: {trainer.Model.Store.Count:N0} parameters, {config.NumLayers} layers, d={config.HiddenSize}, heads={config.NumHeads}, F={config.IntermediateSize}, V={config.VocabSize}; tasks {trainer.Settings.Tasks}, text share {trainer.Settings.TextShare}; {backend.Name} x{backend.Threads}"));
            trainer.Run(output, session.TimeLimit, cancel.Token);
            output.WriteLine($"checkpoint at step {trainer.Step}: {Path.GetFullPath(directory)}");
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }
}
