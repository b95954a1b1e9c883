using System.Diagnostics;
using Dllm.Kernels;
using Dllm.Training.Checkpoints;
using Dllm.Training.Data;
using Dllm.Training.Model;
using Dllm.Training.Objective;
using Dllm.Training.Optimization;

namespace Dllm.Training;

/// <summary>
/// A training run in a checkpoint folder: each step draws a batch from the data (seeded by the step),
/// noises it with the LLaDA objective, runs forward and backward, clips the global gradient norm and
/// takes an AdamW step at the scheduled learning rate. Checkpoints go to the run's folder, which is a
/// loadable model folder at every checkpoint.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly ITrainingData _data;
    private readonly MaskedDiffusionObjective _objective;
    private readonly TrainingPass _pass;
    private readonly AdamW _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly ITrainingTokenizer _tokenizer;
    private readonly double _elapsedBefore;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private Trainer(TrainingSettings settings, ITrainingTokenizer tokenizer, string directory, IBackend backend, LladaParameters model, TrainingState? state)
    {
        Settings = settings;
        Directory = directory;
        Model = model;
        _tokenizer = tokenizer;
        _data = settings.Data(tokenizer);
        _objective = new MaskedDiffusionObjective(tokenizer.MaskId);
        _pass = new TrainingPass(model, backend);
        _optimizer = new AdamW(model.Store, new AdamWSettings(settings.Beta1, settings.Beta2, WeightDecay: settings.WeightDecay));
        _schedule = new LearningRateSchedule(settings.LearningRate, settings.MinLearningRate, settings.WarmupSteps, settings.Steps);
        Step = state?.Step ?? 0;
        Tokens = state?.Tokens ?? 0;
        _elapsedBefore = state?.ElapsedSeconds ?? 0;
    }

    public TrainingSettings Settings { get; }
    public string Directory { get; }
    public LladaParameters Model { get; }

    /// <summary>Optimizer steps taken so far.</summary>
    public int Step { get; private set; }

    public long Tokens { get; private set; }

    public bool Finished => Step >= Settings.Steps;

    /// <summary>A new run from freshly initialised weights; refuses a folder that already holds a run.</summary>
    public static Trainer Start(TrainingSettings settings, ITrainingTokenizer tokenizer, string directory, IBackend backend)
    {
        if (CheckpointFolder.HasState(directory))
        {
            throw new InvalidOperationException($"{directory} already holds a training run; resume it or choose another folder.");
        }
        var model = LladaParameters.Initialize(settings.ModelConfig(tokenizer), settings.InitStd, settings.Seed);
        return Owning(model, () => new Trainer(settings, tokenizer, directory, backend, model, state: null));
    }

    /// <summary>
    /// Continues the run saved in <paramref name="directory"/> with its saved recipe, changed by
    /// <paramref name="extension"/> when given. More steps extend the run: the cosine schedule is then
    /// recomputed over the new total, so the learning rate rises again from the floor it had reached
    /// (a warm restart). A new task mix or text share applies from the resume step on.
    /// </summary>
    public static Trainer Resume(string directory, ITrainingTokenizer tokenizer, IBackend backend, RunExtension? extension = null)
    {
        TrainingState state = CheckpointFolder.LoadState(directory);
        if (state.Tokenizer != tokenizer.Name)
        {
            throw new InvalidOperationException($"{directory} was trained with the '{state.Tokenizer}' tokenizer, not '{tokenizer.Name}'.");
        }
        TrainingSettings settings = (extension ?? RunExtension.None).ApplyTo(state.Settings, directory);
        LladaParameters model = CheckpointFolder.LoadModel(directory, settings.ModelConfig(tokenizer));
        return Owning(model, () =>
        {
            var trainer = new Trainer(settings, tokenizer, directory, backend, model, state);
            try
            {
                CheckpointFolder.LoadOptimizer(directory, trainer._optimizer, state.Step);
                return trainer;
            }
            catch
            {
                trainer.Dispose();
                throw;
            }
        });
    }

    /// <summary>Builds a trainer over <paramref name="model"/>, freeing the model if that fails (disposing twice is harmless).</summary>
    private static Trainer Owning(LladaParameters model, Func<Trainer> create)
    {
        try
        {
            return create();
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public StepReport TrainStep()
    {
        Random random = StepRandom.For(Settings.Seed, Step);
        var samples = new TrainingSample[Settings.BatchSize];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = _data.Next(random);
        }
        MaskedBatch batch = _objective.Noise(samples, random);

        Model.Store.ZeroGradients();
        TrainingLoss loss = _pass.Forward(batch);
        _pass.Backward();
        double norm = GradientClipping.ClipGlobalNorm(Model.Store, Settings.ClipNorm);
        float learningRate = _schedule.At(Step);
        _optimizer.Step(learningRate);
        Step++;
        Tokens += batch.Rows;
        return new StepReport(Step, loss, learningRate, norm, batch.Rows);
    }

    /// <summary>Writes the model, the tokenizer files and the resume side files; the folder is then a loadable model.</summary>
    public void SaveCheckpoint()
    {
        CheckpointFolder.Save(Directory, Model, _optimizer, new TrainingState
        {
            Step = Step,
            Tokens = Tokens,
            ElapsedSeconds = _elapsedBefore + _clock.Elapsed.TotalSeconds,
            Tokenizer = _tokenizer.Name,
            Settings = Settings,
        });
        _tokenizer.WriteFiles(Directory);
    }

    /// <summary>
    /// Trains until the last step, the time limit or cancellation, printing a progress line every
    /// LogEvery steps and checkpointing every CheckpointEvery steps and at the end.
    /// </summary>
    public void Run(TextWriter progress, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default)
    {
        var session = Stopwatch.StartNew();
        var interval = Stopwatch.StartNew();
        long intervalTokens = 0;
        int savedStep = -1;
        while (!Finished && !cancellationToken.IsCancellationRequested && (timeLimit is null || session.Elapsed < timeLimit))
        {
            StepReport report = TrainStep();
            intervalTokens += report.Tokens;
            if (report.Step % Settings.LogEvery == 0 || Finished)
            {
                double rate = intervalTokens / Math.Max(1e-9, interval.Elapsed.TotalSeconds);
                progress.WriteLine(ProgressLine.Format(report, Settings.Steps, rate, TimeSpan.FromSeconds(_elapsedBefore + _clock.Elapsed.TotalSeconds)));
                interval.Restart();
                intervalTokens = 0;
            }
            if (report.Step % Settings.CheckpointEvery == 0)
            {
                SaveCheckpoint();
                savedStep = Step;
            }
        }
        if (savedStep != Step)
        {
            SaveCheckpoint();
        }
    }

    public void Dispose()
    {
        _pass.Dispose();
        _optimizer.Dispose();
        Model.Dispose();
    }
}
