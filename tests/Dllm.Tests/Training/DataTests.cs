using Dllm.Evaluation.Tasks;
using Dllm.Evaluation.Text;
using Dllm.Training.Data;
using Dllm.Training.Objective;

namespace Dllm.Tests.Training;

public sealed class DataTests
{
    private static readonly CharacterTokenizer Tokenizer = new();

    [Fact]
    public void Characters_round_trip_and_specials_decode_to_nothing()
    {
        const string text = "line Ann Ben; insert Eve at 2\n123+456=579 ~!";
        int[] ids = Tokenizer.Encode(text);
        Assert.Equal(text.Length, ids.Length);
        Assert.Equal(text, Tokenizer.Decode(ids));
        Assert.All(ids, id => Assert.InRange(id, 2, Tokenizer.VocabSize - 1));
        Assert.Equal("ab", Tokenizer.Decode([Tokenizer.Encode("a")[0], Tokenizer.MaskId, Tokenizer.EndOfTextId, Tokenizer.Encode("b")[0]]));
        Assert.Equal("?", Tokenizer.Decode(Tokenizer.Encode("é")));
    }

    [Fact]
    public void A_task_sample_is_the_prompt_then_the_answer_padded_with_eos_to_the_canvas()
    {
        var data = new TaskData([new AdditionTask(2)], Tokenizer, answerLength: 6);
        TrainingSample sample = data.Next(new Random(3));
        string prompt = Tokenizer.Decode(sample.Ids.AsSpan(0, sample.PromptLength));
        Assert.Matches(@"^\d\d\+\d\d=$", prompt);
        Assert.InRange(sample.AnswerLength, 3, 6); // a sum of two 2-digit numbers has 2 or 3 digits, then at least one EOS
        int[] answer = sample.Ids[sample.PromptLength..];
        int end = Array.IndexOf(answer, Tokenizer.EndOfTextId);
        Assert.True(end > 0);
        Assert.All(answer[end..], id => Assert.Equal(Tokenizer.EndOfTextId, id));
        string[] operands = prompt.TrimEnd('=').Split('+');
        Assert.Equal((int.Parse(operands[0]) + int.Parse(operands[1])).ToString(), Tokenizer.Decode(answer));
        Assert.Equal(TaskSplit.Train, TaskSplits.Of(new TaskInstance("addition:2", prompt, "")));
    }

    [Fact]
    public void Canvas_lengths_run_from_the_answer_plus_one_eos_to_the_maximum()
    {
        var data = new TaskData([DigitListTask.Copy(2)], Tokenizer, answerLength: 7); // answers "d d": 3 tokens
        var random = new Random(5);
        int[] lengths = Enumerable.Range(0, 200).Select(_ => data.Next(random).AnswerLength).Distinct().Order().ToArray();
        Assert.Equal([4, 5, 6, 7], lengths);
    }

    [Fact]
    public void An_answer_without_room_for_eos_is_refused()
    {
        var data = new TaskData([DigitListTask.Copy(3)], Tokenizer, answerLength: 5);
        Assert.Throws<InvalidOperationException>(() => data.Next(new Random(1)));
    }

    [Fact]
    public void Plain_text_windows_are_whole_answer_and_cross_documents_at_eos()
    {
        var data = new PlainTextData(["abc", "defgh"], Tokenizer, length: 4);
        int[] stream = [.. Tokenizer.Encode("abc"), 0, .. Tokenizer.Encode("defgh"), 0];
        var random = new Random(2);
        for (int i = 0; i < 50; i++)
        {
            TrainingSample sample = data.Next(random);
            Assert.Equal(0, sample.PromptLength);
            Assert.Equal(4, sample.Ids.Length);
            int start = Enumerable.Range(0, stream.Length - 3).Single(s => stream.AsSpan(s, 4).SequenceEqual(sample.Ids));
            Assert.InRange(start, 0, stream.Length - 4);
        }
        Assert.Throws<ArgumentException>(() => new PlainTextData(["ab"], Tokenizer, length: 4));
    }

    [Fact]
    public void Documents_end_at_blank_lines_and_fortune_separators_and_collapse_whitespace()
    {
        const string text = "A banker is a fellow\r\nwho lends you his umbrella.\n\t\t-- Mark Twain\n%\nA is for Apple.\n%\n%\n\nFirst paragraph.\n   \nSecond paragraph.\n";
        Assert.Equal(
            ["A banker is a fellow who lends you his umbrella. -- Mark Twain", "A is for Apple.", "First paragraph.", "Second paragraph."],
            TextDocuments.Split(text));
        Assert.Empty(TextDocuments.Split("%\n\n%"));
    }

    [Fact]
    public void A_mixture_draws_from_each_source_by_weight()
    {
        var tasks = new TaskData([new AdditionTask(1)], Tokenizer, answerLength: 4);
        var text = new PlainTextData(["plain text here"], Tokenizer, length: 5);
        var mixture = new DataMixture((tasks, 0.75), (text, 0.25));
        var random = new Random(8);
        int plain = Enumerable.Range(0, 4000).Count(_ => mixture.Next(random).PromptLength == 0);
        Assert.InRange(plain, 850, 1150);
    }
}
