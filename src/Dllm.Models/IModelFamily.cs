using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Models.Common;

namespace Dllm.Models;

/// <summary>
/// A model family: how its config.json reads and where its checkpoint keeps each weight.
/// Everything else (the block, the kernels) is shared.
/// </summary>
public interface IModelFamily
{
    ModelFamily Family { get; }

    /// <summary>The <c>model_type</c> value that selects this family.</summary>
    string ModelType { get; }

    TransformerConfig ParseConfig(JsonElement root, string file);

    /// <summary>The config.json key holding the layer count (to cut a real config down for a benchmark).</summary>
    string NumLayersKey { get; }

    TransformerWeightNames WeightNames { get; }
}
