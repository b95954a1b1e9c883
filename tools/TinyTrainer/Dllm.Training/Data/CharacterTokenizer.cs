namespace Dllm.Training.Data;

/// <summary>
/// A placeholder tokenizer for the first trainings: one id per character of printable ASCII and the
/// newline, after two special ids (0 <c>&lt;|endoftext|&gt;</c>, 1 <c>&lt;|mdm_mask|&gt;</c>, LLaDA's
/// names). Other characters become '?'. The byte-level BPE tokenizer replaces it for the shipped model.
/// </summary>
public sealed class CharacterTokenizer : ITrainingTokenizer
{
    private const int Specials = 2;
    private const char First = ' ';
    private const char Last = '~';
    private const int Newline = Specials + Last - First + 1;

    public string Name => "characters";

    public int VocabSize => Newline + 1;

    public int EndOfTextId => 0;

    public int MaskId => 1;

    public int[] Encode(string text) => text.Select(Id).ToArray();

    public string FormatPrompt(string prompt) => prompt;

    public void WriteFiles(string directory)
    {
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var text = new System.Text.StringBuilder(ids.Length);
        foreach (int id in ids)
        {
            if (id == Newline)
            {
                text.Append('\n');
            }
            else if (id >= Specials && id < Newline)
            {
                text.Append((char)(First + id - Specials));
            }
        }
        return text.ToString();
    }

    private static int Id(char c) => c switch
    {
        '\n' => Newline,
        >= First and <= Last => Specials + c - First,
        _ => Specials + '?' - First,
    };
}
