namespace Dllm.Evaluation.Tasks;

/// <summary>
/// A family of problems with checkable answers. <see cref="Generate"/> is a pure function of the
/// random source's state, so a seed reproduces a whole stream of instances.
/// </summary>
public interface ITaskGenerator
{
    /// <summary>The name with its size, as <see cref="TaskCatalog"/> parses it ("addition:3").</summary>
    string Name { get; }

    TaskInstance Generate(Random random);

    /// <summary>
    /// Whether <paramref name="output"/> answers <paramref name="instance"/>: exact match for tasks with
    /// one answer; tasks with several right answers (shuffle, insert anywhere) check the output's validity.
    /// </summary>
    bool IsCorrect(TaskInstance instance, string output);
}
