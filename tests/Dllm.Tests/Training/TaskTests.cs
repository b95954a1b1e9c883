using Dllm.Evaluation.Tasks;

namespace Dllm.Tests.Training;

public sealed class TaskTests
{
    public static TheoryData<string> AllTasks() => [.. TaskCatalog.Names];

    [Theory]
    [MemberData(nameof(AllTasks))]
    public void A_seed_reproduces_the_stream_and_the_reference_answer_is_correct(string name)
    {
        ITaskGenerator task = TaskCatalog.Create(name);
        TaskInstance[] first = Stream(task, seed: 5, 200);
        Assert.Equal(first, Stream(task, seed: 5, 200));
        Assert.NotEqual(first, Stream(task, seed: 6, 200));
        Assert.All(first, instance =>
        {
            Assert.Equal(task.Name.Replace(AdditionTask.UnpaddedName, AdditionTask.PaddedName), instance.Task);
            Assert.True(task.IsCorrect(instance, instance.Answer), $"{instance.Prompt} -> {instance.Answer}");
            Assert.True(task.IsCorrect(instance, $" {instance.Answer} "));
            Assert.False(task.IsCorrect(instance, instance.Answer + " 1"));
        });
    }

    [Theory]
    [MemberData(nameof(AllTasks))]
    public void Train_and_held_out_prompts_never_overlap(string name)
    {
        ITaskGenerator task = TaskCatalog.Create(name);
        var random = new Random(1);
        var train = Enumerable.Range(0, 2000).Select(_ => TaskSplits.Draw(task, TaskSplit.Train, random).Prompt).ToHashSet();
        IReadOnlyList<TaskInstance> heldOut = TaskSplits.HeldOutSet(task, 100, seed: 2);

        Assert.Equal(100, heldOut.Select(i => i.Prompt).Distinct().Count());
        Assert.All(heldOut, instance => Assert.Equal(TaskSplit.HeldOut, TaskSplits.Of(instance)));
        Assert.DoesNotContain(heldOut, instance => train.Contains(instance.Prompt));
        Assert.Equal(heldOut, TaskSplits.HeldOutSet(task, 100, seed: 2));
    }

    [Fact]
    public void Addition_sort_reverse_and_copy_compute_their_answers()
    {
        var random = new Random(9);
        foreach (TaskInstance instance in Stream(new AdditionTask(3), 9, 100))
        {
            string[] operands = instance.Prompt.TrimEnd('=').Split('+');
            Assert.All(operands, operand => Assert.Equal(3, operand.Length));
            Assert.Equal(4, instance.Answer.Length);
            Assert.Equal(int.Parse(operands[0]) + int.Parse(operands[1]), int.Parse(instance.Answer));
        }
        TaskInstance sort = DigitListTask.Sort(8).Generate(random);
        int[] digits = sort.Prompt.Split(' ')[1..].Select(int.Parse).ToArray();
        Assert.Equal(8, digits.Length);
        Assert.Equal(string.Join(' ', digits.Order()), sort.Answer);
        TaskInstance reverse = DigitListTask.Reverse(5).Generate(random);
        Assert.Equal(string.Join(' ', reverse.Prompt.Split(' ')[1..].Reverse()), reverse.Answer);
        TaskInstance copy = DigitListTask.Copy(5).Generate(random);
        Assert.Equal(copy.Prompt["copy ".Length..], copy.Answer);
    }

    [Fact]
    public void Addition_pads_the_sum_to_one_digit_more_than_the_operands_and_the_unpadded_variant_does_not()
    {
        TaskInstance[] padded = Stream(new AdditionTask(3), 3, 300);
        TaskInstance[] unpadded = Stream(TaskCatalog.Create("addition-unpadded"), 3, 300);
        Assert.Contains(padded, instance => instance.Answer.StartsWith('0'));
        Assert.Contains(padded, instance => instance.Answer.StartsWith('1'));
        Assert.All(padded.Zip(unpadded), pair =>
        {
            Assert.Equal(pair.First.Prompt, pair.Second.Prompt);
            Assert.Equal(pair.First.Answer.TrimStart('0'), pair.Second.Answer);
            Assert.Equal(TaskSplits.Of(pair.First), TaskSplits.Of(pair.Second));
        });
        Assert.All(Stream(new AdditionTask(1), 3, 100), instance =>
            Assert.Equal((instance.Prompt[0] - '0' + instance.Prompt[2] - '0').ToString("00"), instance.Answer));
    }

    [Fact]
    public void Waiting_line_operations_follow_their_commands()
    {
        var insert = new TaskInstance("insert:3", "line Ann Ben Cal; insert Eve at 2", "Ann Eve Ben Cal");
        Assert.True(new WaitingLineTask(LineOperation.Insert, 3).IsCorrect(insert, "Ann Eve Ben Cal"));
        Assert.False(new WaitingLineTask(LineOperation.Insert, 3).IsCorrect(insert, "Eve Ann Ben Cal"));

        var anywhere = new TaskInstance("insert-anywhere:3", "line Ann Ben Cal; insert Eve anywhere", "Eve Ann Ben Cal");
        var insertAnywhere = new WaitingLineTask(LineOperation.InsertAnywhere, 3);
        Assert.True(insertAnywhere.IsCorrect(anywhere, "Ann Ben Cal Eve"));
        Assert.True(insertAnywhere.IsCorrect(anywhere, "Ann Eve Ben Cal"));
        Assert.False(insertAnywhere.IsCorrect(anywhere, "Ann Eve Cal Ben"));
        Assert.False(insertAnywhere.IsCorrect(anywhere, "Ann Ben Cal"));

        var anyone = new TaskInstance("replace-anyone:3", "line Ann Ben Cal; replace anyone with Eve", "Ann Eve Cal");
        var replaceAnyone = new WaitingLineTask(LineOperation.ReplaceAnyone, 3);
        Assert.True(replaceAnyone.IsCorrect(anyone, "Eve Ben Cal"));
        Assert.False(replaceAnyone.IsCorrect(anyone, "Eve Eve Cal"));
        Assert.False(replaceAnyone.IsCorrect(anyone, "Ann Ben Cal"));

        var shuffle = new TaskInstance("shuffle:3", "line Ann Ben Cal; shuffle", "Cal Ann Ben");
        var shuffleTask = new WaitingLineTask(LineOperation.Shuffle, 3);
        Assert.True(shuffleTask.IsCorrect(shuffle, "Ben Cal Ann"));
        Assert.False(shuffleTask.IsCorrect(shuffle, "Ben Ben Ann"));

        var random = new Random(4);
        TaskInstance remove = new WaitingLineTask(LineOperation.Remove, 5).Generate(random);
        string[] line = remove.Prompt.Split("; ")[0].Split(' ')[1..];
        int position = int.Parse(remove.Prompt.Split(' ')[^1]);
        Assert.Equal(string.Join(' ', line.Where((_, i) => i != position - 1)), remove.Answer);
        TaskInstance replace = new WaitingLineTask(LineOperation.Replace, 5).Generate(random);
        Assert.Equal(5, replace.Answer.Split(' ').Length);
        Assert.Equal(replace.Prompt.Split(' ')[^1], replace.Answer.Split(' ')[int.Parse(replace.Prompt.Split(' ')[^3]) - 1]);
    }

    [Fact]
    public void The_catalog_reads_names_with_and_without_sizes()
    {
        IReadOnlyList<ITaskGenerator> tasks = TaskCatalog.Parse("addition, sort:4,shuffle");
        Assert.Equal(["addition:3", "sort:4", "shuffle:5"], tasks.Select(t => t.Name));
        Assert.Throws<ArgumentException>(() => TaskCatalog.Create("division"));
        Assert.Throws<ArgumentException>(() => TaskCatalog.Create("sort:x"));
        Assert.Throws<ArgumentException>(() => TaskCatalog.Create("sort:0"));
    }

    private static TaskInstance[] Stream(ITaskGenerator task, int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => task.Generate(random)).ToArray();
    }
}
