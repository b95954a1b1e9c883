namespace Dllm.Evaluation;

/// <summary>How a model did on the held-out instances of one task under one decoder; <see cref="AnswerIds"/> are the generated ids, instance by instance.</summary>
public sealed record TaskScore(string Task, string Decoder, int Correct, int Count, long ForwardCalls, long TokensCommitted, TimeSpan Elapsed, IReadOnlyList<TaskExample> Examples, IReadOnlyList<int[]> AnswerIds)
{
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;

    public double ForwardCallsPerInstance => Count == 0 ? 0 : (double)ForwardCalls / Count;

    public double TokensPerCall => ForwardCalls == 0 ? 0 : (double)TokensCommitted / ForwardCalls;
}

/// <summary>One scored instance, kept for display.</summary>
public sealed record TaskExample(string Prompt, string Output, string Expected, bool Correct);
