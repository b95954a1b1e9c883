using Dllm.Core.Config;
using Dllm.Models;

namespace Dllm.Tests.Core;

/// <summary>The released models' shapes, as their Hugging Face config.json files give them.</summary>
public sealed class ReferenceShapesTests
{
    [Fact]
    public void LLaDA_8B_has_the_released_dimensions_and_the_layer_count_asked_for()
    {
        var (family, config) = ReferenceShapes.Resolve("llada-8b", layers: 2);

        Assert.Equal(ModelFamily.Llada, family.Family);
        Assert.Equal((4096, 32, 32, 12288, 126464, 2), (config.HiddenSize, config.NumHeads, config.NumKvHeads, config.IntermediateSize, config.VocabSize, config.NumLayers));
        Assert.Equal(126336, config.MaskTokenId);
    }

    [Fact]
    public void Dream_7B_keeps_its_grouped_query_attention_and_biases()
    {
        var (family, config) = ReferenceShapes.Resolve("dream-7b", layers: null);

        Assert.Equal(ModelFamily.Dream, family.Family);
        Assert.Equal((3584, 28, 4, 18944, 152064, 28), (config.HiddenSize, config.NumHeads, config.NumKvHeads, config.IntermediateSize, config.VocabSize, config.NumLayers));
        Assert.True(config.QkvBias);
    }

    [Fact]
    public void A_model_needs_a_layer()
    {
        var error = Assert.Throws<Dllm.Core.Errors.InvalidRequestException>(() => ReferenceShapes.Resolve("llada-8b", layers: 0));
        Assert.Contains("at least one layer", error.Message);
    }
}
