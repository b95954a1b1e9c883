using Dllm.Core.Config;
using Dllm.Core.Errors;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Core;

public sealed class GenerationConfigTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Max_new_tokens_is_read_and_other_keys_ignored()
    {
        File.WriteAllText(_temp.File(GenerationConfig.FileName), """{"_from_model_config": true, "eos_token_id": 7, "max_new_tokens": 20}""");
        Assert.Equal(20, GenerationConfig.Read(_temp.Path).MaxNewTokens);
    }

    [Fact]
    public void No_file_or_no_key_means_no_default()
    {
        Assert.Null(GenerationConfig.Read(_temp.Path).MaxNewTokens);
        File.WriteAllText(_temp.File(GenerationConfig.FileName), """{"bos_token_id": 296, "eos_token_id": 297}""");
        Assert.Null(GenerationConfig.Read(_temp.Path).MaxNewTokens);
    }

    [Theory]
    [InlineData("{\"max_new_tokens\": ", "not valid JSON")]
    [InlineData("[20]", "must be a JSON object, found Array")]
    [InlineData("{\"max_new_tokens\": \"20\"}", "max_new_tokens")]
    [InlineData("{\"max_new_tokens\": 0}", "'max_new_tokens' must be at least 1, found 0")]
    public void A_malformed_file_is_named(string json, string problem)
    {
        string path = _temp.File(GenerationConfig.FileName);
        File.WriteAllText(path, json);
        var error = Assert.Throws<ModelConfigException>(() => GenerationConfig.Read(_temp.Path));
        Assert.Equal(path, error.File);
        Assert.Contains(problem, error.Message);
    }
}
