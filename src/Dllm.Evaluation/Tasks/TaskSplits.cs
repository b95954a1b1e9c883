using System.Text;

namespace Dllm.Evaluation.Tasks;

/// <summary>
/// The train / held-out partition: an instance is held out when a fixed hash (64-bit FNV-1a over the
/// UTF-8 of task name and prompt) falls in one bucket of <see cref="Buckets"/>. The split depends on the
/// prompt alone, so no prompt is ever on both sides, whatever the seeds of the two streams.
/// </summary>
public static class TaskSplits
{
    public const int Buckets = 10;

    /// <summary>Draws before giving up on finding an instance of a split (a task too small to split).</summary>
    private const int MaxDraws = 10_000;

    public static TaskSplit Of(TaskInstance instance) =>
        Fnv1a($"{instance.Task}\n{instance.Prompt}") % Buckets == 0 ? TaskSplit.HeldOut : TaskSplit.Train;

    /// <summary>The next instance of <paramref name="split"/> in the generator's stream.</summary>
    public static TaskInstance Draw(ITaskGenerator task, TaskSplit split, Random random)
    {
        for (int i = 0; i < MaxDraws; i++)
        {
            TaskInstance instance = task.Generate(random);
            if (Of(instance) == split)
            {
                return instance;
            }
        }
        throw new InvalidOperationException($"Task {task.Name} produced no {split} instance in {MaxDraws} draws.");
    }

    /// <summary><paramref name="count"/> distinct held-out instances, the same for the same seed.</summary>
    public static IReadOnlyList<TaskInstance> HeldOutSet(ITaskGenerator task, int count, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var set = new List<TaskInstance>(count);
        for (int draws = 0; set.Count < count; draws++)
        {
            if (draws == MaxDraws * Buckets)
            {
                throw new InvalidOperationException($"Task {task.Name} has fewer than {count} distinct held-out prompts.");
            }
            TaskInstance instance = task.Generate(random);
            if (Of(instance) == TaskSplit.HeldOut && seen.Add(instance.Prompt))
            {
                set.Add(instance);
            }
        }
        return set;
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211;
        }
        return hash;
    }
}
