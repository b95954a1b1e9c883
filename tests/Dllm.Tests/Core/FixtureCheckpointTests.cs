using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Core.Dtypes;
using Dllm.Core.SafeTensors;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Core;

[Trait("Category", "Fixtures")]
public sealed unsafe class FixtureCheckpointTests
{
    /// <summary>Every model folder found (more may be added: the theories over it derive what they expect from each folder's config).</summary>
    public static TheoryData<string> Models => new(FixturePaths.ModelDirectories().Select(d => Path.GetFileName(d)));

    /// <summary>The four models the shared fixtures ship, whose sizes the fixtures' README gives.</summary>
    private static readonly string[] TinyNames = ["dream-tiny", "dream-tiny-bf16-sharded", "llada-tiny", "llada-tiny-bf16-sharded"];

    public static TheoryData<string> TinyModels => new(TinyNames);

    [Fact]
    public void The_shared_fixtures_hold_the_four_tiny_models()
    {
        Assert.Subset(FixturePaths.ModelDirectories().Select(d => Path.GetFileName(d)).ToHashSet(), TinyNames.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(TinyModels))]
    public void Each_tiny_fixture_config_parses_to_the_tiny_sizes(string model)
    {
        TransformerConfig config = ReadConfig(FixturePaths.Model(model));
        bool dream = config.Family == ModelFamily.Dream;

        Assert.Equal(model.StartsWith("dream", StringComparison.Ordinal), dream);
        Assert.Equal((64, 2, 4, dream ? 2 : 4, 176, 320), (config.HiddenSize, config.NumLayers, config.NumHeads,
            config.NumKvHeads, config.IntermediateSize, config.VocabSize));
        Assert.Equal(dream ? 1e6f : 5e5f, config.RopeTheta);
        Assert.Equal(dream ? 1e-6f : 1e-5f, config.RmsNormEps);
        Assert.Equal(dream, config.QkvBias);
        Assert.Equal((310, 297, 297), (config.MaskTokenId, config.EosTokenId, config.PadTokenId));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Each_fixture_checkpoint_holds_exactly_the_weights_the_spec_lists(string model)
    {
        string dir = FixturePaths.Model(model);
        TransformerConfig config = ReadConfig(dir);
        using Checkpoint checkpoint = Checkpoint.Open(dir);
        // One weight type throughout, F32 or BF16 as stored (F16 is widened to F32 when read).
        DType stored = checkpoint.Weights(ExpectedWeights(config).First().Name).DType;

        var expected = ExpectedWeights(config).ToList();
        Assert.Equal(expected.Select(w => w.Name).Order(), checkpoint.Tensors.Select(t => t.Name).Order());
        foreach ((string name, long[] shape) in expected)
        {
            WeightData weight = checkpoint.Weights(name, shape);
            Assert.Equal(stored, weight.DType);
        }
        if (TinyNames.Contains(model))
        {
            Assert.Equal(model.EndsWith("bf16-sharded", StringComparison.Ordinal) ? DType.BF16 : DType.F32, stored);
        }
    }

    [Theory]
    [InlineData("llada-tiny")]
    [InlineData("dream-tiny")]
    public void Bf16_shards_hold_the_f32_weights_rounded_to_bf16(string model)
    {
        using Checkpoint f32 = Checkpoint.Open(FixturePaths.Model(model));
        using Checkpoint bf16 = Checkpoint.Open(FixturePaths.Model(model + "-bf16-sharded"));

        Assert.Equal(2, bf16.Tensors.Select(t => t.FilePath).Distinct().Count());
        foreach (TensorEntry source in f32.Tensors)
        {
            float[] original = f32.ReadFloats(source.Name, source.Shape);
            float[] widened = bf16.ReadFloats(source.Name, source.Shape);
            WeightData raw = bf16.Weights(source.Name, source.Shape);
            for (int i = 0; i < original.Length; i++)
            {
                ushort bits = BFloat16Bits.FromSingle(original[i]);
                Assert.Equal(BFloat16Bits.ToSingle(bits), widened[i]);
                Assert.Equal(bits, ((ushort*)raw.Data)[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Each_goldens_file_reads_with_the_shapes_goldens_json_lists(string model)
    {
        string dir = FixturePaths.Model(model);
        using SafeTensorsFile goldens = SafeTensorsFile.Open(Path.Combine(dir, "goldens.safetensors"));
        using JsonDocument listing = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "goldens.json")));
        string text = listing.RootElement.GetRawText();
        int vocab = ReadConfig(dir).VocabSize;

        Assert.Contains("case0.logits", goldens.Tensors.Keys);
        foreach (TensorEntry entry in goldens.Tensors.Values)
        {
            Assert.Contains($"\"{entry.Name}\"", text);
            if (entry.Name.EndsWith(".logits", StringComparison.Ordinal))
            {
                Assert.Equal(DType.F32, entry.DType);
                Assert.Equal(vocab, entry.Shape[^1]);
                Assert.All(goldens.ReadFloats(entry.Name), v => Assert.True(float.IsFinite(v)));
            }
            else
            {
                Assert.Equal(DType.I64, entry.DType);
                Assert.All(goldens.ReadInt64(entry.Name), id => Assert.InRange(id, 0, vocab - 1));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TinyModels))]
    public void Each_tiny_goldens_file_has_the_listed_case_shapes(string model)
    {
        using SafeTensorsFile goldens = SafeTensorsFile.Open(Path.Combine(FixturePaths.Model(model), "goldens.safetensors"));

        Assert.Equal([1L, 16L], goldens.Tensors["case0.input_ids"].Shape);
        Assert.Equal([3L, 40L, 320L], goldens.Tensors["case2.logits"].Shape);
    }

    private static TransformerConfig ReadConfig(string dir)
    {
        (string modelType, JsonDocument document) = ConfigJson.Load(dir);
        using (document)
        {
            string file = Path.Combine(dir, ConfigJson.FileName);
            return modelType == "llada"
                ? LladaConfig.FromJson(document.RootElement, file).ToTransformerConfig()
                : DreamConfig.FromJson(document.RootElement, file).ToTransformerConfig();
        }
    }

    // The weight tables of the architectures spec.
    private static IEnumerable<(string Name, long[] Shape)> ExpectedWeights(TransformerConfig c)
    {
        long d = c.HiddenSize, kv = c.NumKvHeads * c.HeadDim, f = c.IntermediateSize, v = c.VocabSize;
        bool dream = c.Family == ModelFamily.Dream;
        yield return (dream ? "model.embed_tokens.weight" : "model.transformer.wte.weight", [v, d]);
        yield return (dream ? "model.norm.weight" : "model.transformer.ln_f.weight", [d]);
        yield return (dream ? "lm_head.weight" : "model.transformer.ff_out.weight", [v, d]);
        for (int i = 0; i < c.NumLayers; i++)
        {
            string p = dream ? $"model.layers.{i}." : $"model.transformer.blocks.{i}.";
            string attn = dream ? p + "self_attn." : p;
            yield return (p + (dream ? "input_layernorm.weight" : "attn_norm.weight"), [d]);
            yield return (p + (dream ? "post_attention_layernorm.weight" : "ff_norm.weight"), [d]);
            yield return (attn + "q_proj.weight", [d, d]);
            yield return (attn + "k_proj.weight", [kv, d]);
            yield return (attn + "v_proj.weight", [kv, d]);
            yield return (dream ? attn + "o_proj.weight" : p + "attn_out.weight", [d, d]);
            yield return (p + (dream ? "mlp.gate_proj.weight" : "ff_proj.weight"), [f, d]);
            yield return (p + (dream ? "mlp.up_proj.weight" : "up_proj.weight"), [f, d]);
            yield return (p + (dream ? "mlp.down_proj.weight" : "ff_out.weight"), [d, f]);
            if (dream)
            {
                yield return (attn + "q_proj.bias", [d]);
                yield return (attn + "k_proj.bias", [kv]);
                yield return (attn + "v_proj.bias", [kv]);
            }
        }
    }
}
