namespace Dllm.Generators.Json;

/// <summary>Malformed JSON: what was wrong and the character offset where reading stopped.</summary>
internal sealed class JsonSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}
