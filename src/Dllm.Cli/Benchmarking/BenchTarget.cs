using Dllm.Core.Dtypes;
using Dllm.Core.Errors;
using Dllm.Core.SafeTensors;
using Dllm.Models;
using Dllm.Models.Common;

namespace Dllm.Cli.Benchmarking;

/// <summary>
/// The engines one `dllm bench` run times, each labelled by where its weights are read from: "mapped"
/// (through the file mapping, as generate reads them) or "memory" (the same weights in anonymous
/// memory). A random model of a reference shape is in memory unless it was saved to a folder.
/// </summary>
public sealed class BenchTarget : IDisposable
{
    public const string Mapped = "mapped";
    public const string Memory = "memory";

    private BenchTarget(string description, IReadOnlyList<(string Weights, DllmEngine Engine)> engines)
    {
        Description = description;
        Engines = engines;
    }

    /// <summary>The model in words: its folder, or its shape, layers and seed.</summary>
    public string Description { get; }

    public IReadOnlyList<(string Weights, DllmEngine Engine)> Engines { get; }

    public static BenchTarget Open(string? directory, string? shape, int? layers, int weightsSeed, string? save, string? weights)
    {
        if (shape is null && (layers is not null || save is not null))
        {
            throw new InvalidRequestException("--layers and --save apply to a random model: give --shape too.");
        }
        if (shape is not null && directory is not null)
        {
            throw new InvalidRequestException("Give either --model or --shape, not both.");
        }
        if (shape is not null && save is null)
        {
            if (weights is not null && weights != Memory)
            {
                throw new InvalidRequestException($"A random model that is not saved lives in memory only; --weights {weights} needs --save DIR.");
            }
            var (family, config) = ReferenceShapes.Resolve(shape, layers);
            var engine = DllmEngine.Create(family, config, RandomWeights.Create(config, family, weightsSeed, DType.BF16));
            return new BenchTarget(RandomDescription(shape, config.NumLayers, weightsSeed), [(Memory, engine)]);
        }
        string folder = directory ?? save!;
        string description = folder;
        if (shape is not null)
        {
            var (family, config) = ReferenceShapes.Resolve(shape, layers);
            using (InMemoryWeights random = RandomWeights.Create(config, family, weightsSeed, DType.BF16))
            {
                ModelFolderWriter.Write(folder, ReferenceShapes.ConfigJson(shape, layers), random);
            }
            description = $"{RandomDescription(shape, config.NumLayers, weightsSeed)}, saved to {folder}";
        }
        return new BenchTarget(description, OpenFolder(folder, weights ?? Mapped));
    }

    private static List<(string, DllmEngine)> OpenFolder(string folder, string weights)
    {
        if (weights is not (Mapped or Memory or "both"))
        {
            throw new InvalidRequestException($"--weights takes mapped, memory or both, not '{weights}'.");
        }
        var engines = new List<(string, DllmEngine)>();
        try
        {
            if (weights is Mapped or "both")
            {
                engines.Add((Mapped, DllmEngine.Load(folder)));
            }
            if (weights is Memory or "both")
            {
                var (family, config) = DiffusionModel.ReadConfig(folder);
                using Checkpoint checkpoint = Checkpoint.Open(folder);
                engines.Add((Memory, DllmEngine.Create(family, config, InMemoryWeights.CopyOf(checkpoint))));
            }
            return engines;
        }
        catch
        {
            foreach (var (_, engine) in engines)
            {
                engine.Dispose();
            }
            throw;
        }
    }

    private static string RandomDescription(string shape, int layers, int seed) => $"{shape} shape, {layers} layers, random bf16 weights (seed {seed})";

    public void Dispose()
    {
        foreach (var (_, engine) in Engines)
        {
            engine.Dispose();
        }
    }
}
