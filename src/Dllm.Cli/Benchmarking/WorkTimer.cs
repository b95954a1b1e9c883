using System.Diagnostics;

namespace Dllm.Cli.Benchmarking;

/// <summary>Wall-clock and processor time of one stretch of work: their ratio is how many cores it kept busy.</summary>
public readonly record struct WorkTime(TimeSpan Wall, TimeSpan Processor)
{
    public double CoresBusy => Wall > TimeSpan.Zero ? Processor / Wall : 0;

    /// <summary>Runs <paramref name="work"/> and times it (processor time of the whole process, every thread).</summary>
    public static (T Result, WorkTime Time) Measure<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using Process process = Process.GetCurrentProcess();
        TimeSpan processorBefore = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        T result = work();
        TimeSpan wall = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        return (result, new WorkTime(wall, process.TotalProcessorTime - processorBefore));
    }
}
