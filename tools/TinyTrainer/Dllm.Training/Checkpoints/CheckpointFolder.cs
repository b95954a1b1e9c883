using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Core.Dtypes;
using Dllm.Core.SafeTensors;
using Dllm.Training.Model;
using Dllm.Training.Optimization;

namespace Dllm.Training.Checkpoints;

/// <summary>
/// A training checkpoint is a Hugging Face model folder (config.json, generation_config.json, model.safetensors, and the tokenizer files when the run has them) that the
/// engine loads as is, plus two side files for resuming: optimizer.safetensors (AdamW's moments under
/// <c>exp_avg.NAME</c> and <c>exp_avg_sq.NAME</c>, and the step) and trainer_state.json. The state file
/// is written last; resuming checks that the optimizer file belongs to the same step.
/// </summary>
public static class CheckpointFolder
{
    public const string StateFile = "trainer_state.json";
    public const string OptimizerFile = "optimizer.safetensors";
    private const string StepTensor = "step";

    public static bool HasState(string directory) => File.Exists(Path.Combine(directory, StateFile));

    public static void Save(string directory, LladaParameters model, AdamW optimizer, TrainingState state)
    {
        Directory.CreateDirectory(directory);
        LladaConfigFile.Write(directory, model.Config, state.Settings.InitStd);
        GenerationConfigFile.Write(directory, model.Config, state.Settings.AnswerLength);
        var weights = new SafeTensorsWriter();
        model.AddTo(weights);
        weights.Write(Path.Combine(directory, Checkpoint.SingleFileName));

        var moments = new SafeTensorsWriter();
        foreach (ParameterTensor tensor in model.Store.Tensors)
        {
            moments.Add("exp_avg." + tensor.Name, optimizer.FirstMoment.Slice(tensor.Offset, tensor.Length), tensor.Shape);
            moments.Add("exp_avg_sq." + tensor.Name, optimizer.SecondMoment.Slice(tensor.Offset, tensor.Length), tensor.Shape);
        }
        moments.Add(StepTensor, DType.I64, [1], BitConverter.GetBytes((long)state.Step));
        moments.Write(Path.Combine(directory, OptimizerFile));

        string statePath = Path.Combine(directory, StateFile);
        File.WriteAllText(statePath + ".partial", JsonSerializer.Serialize(state, TrainingJsonContext.Default.TrainingState));
        File.Move(statePath + ".partial", statePath, overwrite: true);
    }

    public static TrainingState LoadState(string directory)
    {
        string path = Path.Combine(directory, StateFile);
        return JsonSerializer.Deserialize(File.ReadAllText(path), TrainingJsonContext.Default.TrainingState)
            ?? throw new InvalidDataException($"{path} holds no training state.");
    }

    public static LladaParameters LoadModel(string directory, TransformerConfig config)
    {
        using Checkpoint checkpoint = Checkpoint.Open(directory);
        return LladaParameters.Load(config, checkpoint);
    }

    /// <summary>Restores AdamW's moments and step count; the file must record <paramref name="step"/>.</summary>
    public static void LoadOptimizer(string directory, AdamW optimizer, int step)
    {
        string path = Path.Combine(directory, OptimizerFile);
        using SafeTensorsFile file = SafeTensorsFile.Open(path);
        long saved = file.ReadInt64(StepTensor)[0];
        if (saved != step)
        {
            throw new InvalidDataException($"{path} is from step {saved} but {StateFile} from step {step}: the checkpoint was interrupted while being written.");
        }
        foreach (ParameterTensor tensor in optimizer.Store.Tensors)
        {
            file.ReadFloats("exp_avg." + tensor.Name).CopyTo(optimizer.FirstMoment.Slice(tensor.Offset, tensor.Length));
            file.ReadFloats("exp_avg_sq." + tensor.Name).CopyTo(optimizer.SecondMoment.Slice(tensor.Offset, tensor.Length));
        }
        optimizer.Steps = step;
    }
}
