using Dllm.Core.SafeTensors;
using Dllm.Cpu;
using Dllm.Tests.Fixtures;
using Dllm.Training;
using Dllm.Training.Checkpoints;
using Dllm.Training.Data;

namespace Dllm.Tests.Training;

public sealed class ResumeTests : IDisposable
{
    private readonly TempDirectory _straight = new();
    private readonly TempDirectory _interrupted = new();

    public void Dispose()
    {
        _straight.Dispose();
        _interrupted.Dispose();
    }

    [Fact]
    public void A_resumed_run_ends_bitwise_where_an_uninterrupted_run_ends()
    {
        var tokenizer = new CharacterTokenizer();
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        using (Trainer straight = Trainer.Start(TinyRuns.Settings(steps: 5), tokenizer, _straight.Path, backend))
        {
            straight.Run(TextWriter.Null);
        }
        using (Trainer first = Trainer.Start(TinyRuns.Settings(steps: 5), tokenizer, _interrupted.Path, backend))
        {
            first.TrainStep();
            first.TrainStep();
            first.SaveCheckpoint();
        }
        using (Trainer resumed = Trainer.Resume(_interrupted.Path, tokenizer, backend))
        {
            Assert.Equal(2, resumed.Step);
            resumed.Run(TextWriter.Null);
            Assert.Equal(5, resumed.Step);
        }

        Assert.Equal(Tensors(_straight.File(Checkpoint.SingleFileName)), Tensors(_interrupted.File(Checkpoint.SingleFileName)));
        Assert.Equal(Tensors(_straight.File(CheckpointFolder.OptimizerFile)), Tensors(_interrupted.File(CheckpointFolder.OptimizerFile)));
        Assert.Equal(5, CheckpointFolder.LoadState(_interrupted.Path).Step);
    }

    [Fact]
    public void A_finished_run_extends_to_more_steps_but_never_fewer()
    {
        var tokenizer = new CharacterTokenizer();
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        using (Trainer first = Trainer.Start(TinyRuns.Settings(steps: 3), tokenizer, _straight.Path, backend))
        {
            first.Run(TextWriter.Null);
        }
        Assert.Throws<InvalidOperationException>(() => Trainer.Resume(_straight.Path, tokenizer, backend, new RunExtension(TotalSteps: 2)));
        using (Trainer extended = Trainer.Resume(_straight.Path, tokenizer, backend, new RunExtension(TotalSteps: 5)))
        {
            Assert.Equal(3, extended.Step);
            extended.Run(TextWriter.Null);
            Assert.Equal(5, extended.Step);
        }
        TrainingState state = CheckpointFolder.LoadState(_straight.Path);
        Assert.Equal(5, state.Step);
        Assert.Equal(5, state.Settings.Steps);
    }

    [Fact]
    public void A_second_phase_trains_on_its_own_task_mix_and_saves_it()
    {
        var tokenizer = new CharacterTokenizer();
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        foreach (string folder in new[] { _straight.Path, _interrupted.Path })
        {
            using Trainer first = Trainer.Start(TinyRuns.Settings(steps: 2), tokenizer, folder, backend);
            first.Run(TextWriter.Null);
        }
        using (Trainer same = Trainer.Resume(_straight.Path, tokenizer, backend, new RunExtension(TotalSteps: 4)))
        {
            same.Run(TextWriter.Null);
        }
        using (Trainer changed = Trainer.Resume(_interrupted.Path, tokenizer, backend, new RunExtension(TotalSteps: 4, Tasks: "sort:2")))
        {
            Assert.Equal("sort:2", changed.Settings.Tasks);
            changed.Run(TextWriter.Null);
        }

        Assert.Equal("sort:2", CheckpointFolder.LoadState(_interrupted.Path).Settings.Tasks);
        Assert.Equal("addition:2", CheckpointFolder.LoadState(_straight.Path).Settings.Tasks);
        Assert.NotEqual(Tensors(_straight.File(Checkpoint.SingleFileName)), Tensors(_interrupted.File(Checkpoint.SingleFileName)));
    }

    [Fact]
    public void A_second_phase_can_draw_its_text_from_another_file()
    {
        string fables = _straight.File("fables.txt");
        string verses = _interrupted.File("verses.txt");
        File.WriteAllText(fables, "The fox saw the grapes and said they were sour.\n\nThe crow dropped the cheese.\n");
        File.WriteAllText(verses, "In the beginning was the word, and the word was with them.\n");
        var tokenizer = new CharacterTokenizer();
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        var settings = TinyRuns.Settings(steps: 2) with { TextFile = fables, TextShare = 0.5, TextLength = 12 };
        foreach (string folder in new[] { _straight.File("run"), _interrupted.File("run") })
        {
            using Trainer first = Trainer.Start(settings, tokenizer, folder, backend);
            first.Run(TextWriter.Null);
        }
        using (Trainer same = Trainer.Resume(_straight.File("run"), tokenizer, backend, new RunExtension(TotalSteps: 6, TextShare: 0.9)))
        {
            same.Run(TextWriter.Null);
        }
        using (Trainer changed = Trainer.Resume(_interrupted.File("run"), tokenizer, backend, new RunExtension(TotalSteps: 6, TextShare: 0.9, TextFile: verses)))
        {
            changed.Run(TextWriter.Null);
        }

        Assert.Equal(verses, CheckpointFolder.LoadState(_interrupted.File("run")).Settings.TextFile);
        Assert.Equal(fables, CheckpointFolder.LoadState(_straight.File("run")).Settings.TextFile);
        Assert.NotEqual(Tensors(Path.Combine(_straight.File("run"), Checkpoint.SingleFileName)),
            Tensors(Path.Combine(_interrupted.File("run"), Checkpoint.SingleFileName)));

        Exception missing = Assert.ThrowsAny<Exception>(() =>
            Trainer.Resume(_straight.File("run"), tokenizer, backend, new RunExtension(TotalSteps: 7, TextFile: _straight.File("absent.txt"))));
        Assert.Contains("absent.txt", missing.Message);
        Assert.Equal(6, CheckpointFolder.LoadState(_straight.File("run")).Step);
    }

    [Theory]
    [InlineData(null, 1.5, "between 0 and 1")]
    [InlineData(null, 0.3, "without a text file")]
    [InlineData("nonsense", null, "Unknown task")]
    public void A_second_phase_with_a_mix_the_run_cannot_use_is_refused(string? tasks, double? textShare, string expected)
    {
        var tokenizer = new CharacterTokenizer();
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        using (Trainer first = Trainer.Start(TinyRuns.Settings(steps: 1), tokenizer, _straight.Path, backend))
        {
            first.Run(TextWriter.Null);
        }
        Exception error = Assert.ThrowsAny<Exception>(() => Trainer.Resume(_straight.Path, tokenizer, backend, new RunExtension(TotalSteps: 2, tasks, textShare)));
        Assert.Contains(expected, error.Message);
        Assert.Equal("addition:2", CheckpointFolder.LoadState(_straight.Path).Settings.Tasks);
    }

    [Fact]
    public void A_folder_that_holds_a_run_is_not_started_over()
    {
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        using (Trainer trainer = Trainer.Start(TinyRuns.Settings(steps: 1), new CharacterTokenizer(), _straight.Path, backend))
        {
            trainer.SaveCheckpoint();
        }
        Assert.Throws<InvalidOperationException>(() => Trainer.Start(TinyRuns.Settings(steps: 1), new CharacterTokenizer(), _straight.Path, backend));
    }

    [Fact]
    public void An_optimizer_file_from_another_step_is_refused()
    {
        using var backend = new CpuBackend(CpuPaths.Best, threads: 1);
        using (Trainer trainer = Trainer.Start(TinyRuns.Settings(steps: 3), new CharacterTokenizer(), _straight.Path, backend))
        {
            trainer.TrainStep();
            trainer.SaveCheckpoint();
            File.Copy(_straight.File(CheckpointFolder.OptimizerFile), _interrupted.File("old"));
            trainer.TrainStep();
            trainer.SaveCheckpoint();
        }
        File.Copy(_interrupted.File("old"), _straight.File(CheckpointFolder.OptimizerFile), overwrite: true);
        Assert.Throws<InvalidDataException>(() => Trainer.Resume(_straight.Path, new CharacterTokenizer(), backend));
    }

    private static Dictionary<string, byte[]> Tensors(string path)
    {
        using SafeTensorsFile file = SafeTensorsFile.Open(path);
        return file.Tensors.Values.ToDictionary(t => t.Name, t => file.Bytes(t).ToArray());
    }
}
