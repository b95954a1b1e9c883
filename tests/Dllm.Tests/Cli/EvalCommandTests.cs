using Dllm.Cli.Commands;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Cli;

/// <summary>`dllm eval` refuses bad requests with one clear line.</summary>
public sealed class EvalCommandTests
{
    [Theory]
    [InlineData("addition,juggling", 10, "Unknown task 'juggling'")]
    [InlineData("sort:0", 10, "the size must be a positive integer")]
    [InlineData("addition", 0, "--count must be at least 1")]
    public void Bad_requests_are_one_error_line(string tasks, int count, string message)
    {
        var (code, error) = Run(new EvalSettings { Tasks = tasks, Count = count });
        Assert.Equal(1, code);
        Assert.StartsWith("dllm: error: ", error);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_bad_top_k_is_one_error_line_before_loading()
    {
        var (code, error) = Run(new EvalSettings { Tasks = "addition", ModelDirectory = "no-such-folder", TopK = "lots" });
        Assert.Equal(1, code);
        Assert.Contains("--top-k takes a positive number or 'none', not 'lots'", error);
    }

    [Fact]
    [Trait("Category", "Fixtures")]
    public void A_model_without_a_tokenizer_is_named_in_the_error()
    {
        string model = FixturePaths.Model("llada-tiny");
        var (code, error) = Run(new EvalSettings { Tasks = "addition", Count = 1, ModelDirectory = model });
        Assert.Equal(1, code);
        Assert.Contains(model, error);
    }

    private static (int Code, string Error) Run(EvalSettings settings)
    {
        var error = new StringWriter();
        int code = EvalRunner.Run(settings, TextWriter.Null, error);
        return (code, error.ToString());
    }
}
