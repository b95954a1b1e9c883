using System.Globalization;
using Dllm.Cpu;
using Dllm.Models;
using Dllm.Training.Checkpoints;
using Dllm.Training.Data;
using Dllm.Training.Model;
using Dllm.Training.Objective;

namespace Dllm.TinyTrainer.Commands;

/// <summary>
/// Draws noised sequences from the run's own data, scores every position with the engine
/// (DiffusionModel.Load on the folder) and with the trainer's forward pass on the same backend, and
/// reports the largest logit difference (zero when the two agree bit for bit, as they should).
/// </summary>
public static class VerifyRunner
{
    public static int Run(string directory, int count, int seed, int threads, TextWriter output)
    {
        TrainingState state = CheckpointFolder.LoadState(directory);
        ITrainingTokenizer tokenizer = state.Settings.CreateTokenizer();
        var random = new Random(seed);
        ITrainingData data = state.Settings.Data(tokenizer);
        TrainingSample[] samples = Enumerable.Range(0, count).Select(_ => data.Next(random)).ToArray();
        MaskedBatch noised = new MaskedDiffusionObjective(tokenizer.MaskId).Noise(samples, random);
        int[][] sequences = noised.Sequences.Select(s => noised.Ids[s.Start..(s.Start + s.Length)]).ToArray();

        using var backend = new CpuBackend(CpuPaths.FromEnvironment(), threads);
        using DiffusionModel engine = DiffusionModel.Load(directory, backend);
        float[] engineLogits = engine.Forward(sequences.Select(ids => new ForwardSequence
        {
            Ids = ids,
            ScorePositions = Enumerable.Range(0, ids.Length).ToArray(),
            ReturnLogits = true,
        }).ToArray()).Logits.SelectMany(rows => rows!).ToArray();

        using LladaParameters model = CheckpointFolder.LoadModel(directory, engine.Config);
        using var pass = new TrainingPass(model, backend);
        pass.Forward(MaskedBatch.EveryRow(sequences));
        ReadOnlySpan<float> trainerLogits = pass.Logits;

        double worst = 0;
        bool bitwise = trainerLogits.Length == engineLogits.Length;
        for (int i = 0; i < Math.Min(trainerLogits.Length, engineLogits.Length); i++)
        {
            worst = Math.Max(worst, Math.Abs(trainerLogits[i] - engineLogits[i]));
            bitwise &= BitConverter.SingleToInt32Bits(trainerLogits[i]) == BitConverter.SingleToInt32Bits(engineLogits[i]);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sequences.Length} sequences, {noised.Rows} positions x {engine.Config.VocabSize} logits on {backend.Name}: max |engine - trainer| = {worst:G3}, bitwise equal: {(bitwise ? "yes" : "no")}"));
        return bitwise ? 0 : 1;
    }
}
