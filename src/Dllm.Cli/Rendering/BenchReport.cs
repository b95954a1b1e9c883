using System.Globalization;
using System.Text;
using System.Text.Json;
using Dllm.Cli.Benchmarking;

namespace Dllm.Cli.Rendering;

/// <summary>One engine's best timed request: its result, its time, cores busy over all its timed requests, and its FLOPs.</summary>
public sealed record BenchRun(string Weights, GenerationResult Result, WorkTime Best, double CoresBusy, double Flops)
{
    public double PerCallMs => Best.Wall.TotalMilliseconds / Math.Max(1, Result.Stats.ForwardCalls);
    public double Gflops => Flops / Best.Wall.TotalSeconds / 1e9;
}

/// <summary>The kernels alone: the request's forward calls replayed on the model without the decoder, best of the repetitions.</summary>
public sealed record KernelsRun(int Calls, WorkTime Best, double Flops)
{
    public double Gflops => Flops / Best.Wall.TotalSeconds / 1e9;
}

/// <summary>What `dllm bench` prints, as text or as JSON written by hand (no reflection, AOT-safe).</summary>
public sealed record BenchReport(
    string Model, int PromptLength, GenerateOptions Options, string BackendName, string Kernels, string Image, int Threads,
    double PeakGflops, IReadOnlyList<BenchRun> Runs, KernelsRun KernelsOnly)
{
    private double PeakPercent(double gflops) => PeakGflops > 0 ? 100 * gflops / PeakGflops : 0;

    /// <summary>Whether every weights copy produced the same ids (they read the same weights).</summary>
    public bool IdsAgree => Runs.All(run => run.Result.Ids.AsSpan().SequenceEqual(Runs[0].Result.Ids));

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"model:     {Model}");
        text.AppendLine(c, $"request:   prompt {PromptLength} tokens, gen {Options.GenLength}, {Runs[0].Result.Decoder}, {Runs[0].Result.Stats.ForwardCalls} forward calls");
        text.AppendLine(c, $"ran on:    {BackendName}, {Kernels} kernels, {Image}, {Threads} threads");
        text.AppendLine(c, $"fma peak:  {PeakGflops:0.0} GFLOP/s (best in this run)");
        foreach (BenchRun run in Runs)
        {
            text.AppendLine(c,
                $"generate:  {run.Weights} weights: {run.Best.Wall.TotalMilliseconds:0} ms per request, {run.PerCallMs:0.0} ms per call, {run.Gflops:0.0} GFLOP/s, {PeakPercent(run.Gflops):0.0} % of peak, cores busy {run.CoresBusy:0.00}");
        }
        text.AppendLine(c,
            $"kernels:   the {KernelsOnly.Calls} forward calls replayed without the decoder: {KernelsOnly.Best.Wall.TotalMilliseconds:0} ms, {KernelsOnly.Gflops:0.0} GFLOP/s, {PeakPercent(KernelsOnly.Gflops):0.0} % of peak; generate takes {Runs[0].Best.Wall / KernelsOnly.Best.Wall:0.00}x as long");
        if (Runs.Count > 1)
        {
            text.AppendLine(c, $"ids:       {(IdsAgree ? "equal" : "DIFFERENT")} across weights copies");
        }
        return text.ToString();
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("model", Model);
            json.WriteStartObject("request");
            json.WriteNumber("prompt_length", PromptLength);
            json.WriteNumber("gen_length", Options.GenLength);
            json.WriteString("decoder", Runs[0].Result.Decoder);
            json.WriteNumber("forward_calls", Runs[0].Result.Stats.ForwardCalls);
            json.WriteEndObject();
            GenerationJson.WriteBackend(json, BackendName);
            json.WriteString("kernels", Kernels);
            json.WriteString("image", Image);
            json.WriteNumber("threads", Threads);
            json.WriteNumber("fma_peak_gflops", Math.Round(PeakGflops, 2));
            json.WriteStartArray("runs");
            foreach (BenchRun run in Runs)
            {
                json.WriteStartObject();
                json.WriteString("weights", run.Weights);
                json.WriteNumber("request_ms", Math.Round(run.Best.Wall.TotalMilliseconds, 3));
                json.WriteNumber("per_call_ms", Math.Round(run.PerCallMs, 3));
                json.WriteNumber("gflop", Math.Round(run.Flops / 1e9, 3));
                json.WriteNumber("gflops", Math.Round(run.Gflops, 2));
                json.WriteNumber("peak_percent", Math.Round(PeakPercent(run.Gflops), 2));
                json.WriteNumber("cores_busy", Math.Round(run.CoresBusy, 3));
                json.WriteNumber("rows_computed", run.Result.Stats.Work.Rows);
                json.WriteNumber("rows_scored", run.Result.Stats.Work.ScoredRows);
                json.WriteStartArray("ids");
                foreach (int id in run.Result.Ids)
                {
                    json.WriteNumberValue(id);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("kernels_only");
            json.WriteNumber("forward_calls", KernelsOnly.Calls);
            json.WriteNumber("ms", Math.Round(KernelsOnly.Best.Wall.TotalMilliseconds, 3));
            json.WriteNumber("generate_over_kernels", Math.Round(Runs[0].Best.Wall / KernelsOnly.Best.Wall, 4));
            json.WriteNumber("gflops", Math.Round(KernelsOnly.Gflops, 2));
            json.WriteNumber("peak_percent", Math.Round(PeakPercent(KernelsOnly.Gflops), 2));
            json.WriteEndObject();
            json.WriteBoolean("ids_agree", IdsAgree);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
