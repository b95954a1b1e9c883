namespace Dllm.Evaluation.Text;

/// <summary>
/// Reads a plain-text corpus file as documents: a document ends at a blank line or at a line holding
/// only "%" (the separator of fortune(6) files, so Debian's fortune collections read as they are).
/// Inside a document every run of whitespace (line breaks, tabs, indentation) becomes one space: the
/// hard line wrapping of such files carries no meaning, and a small model should not spend capacity
/// on predicting it. Empty documents are dropped.
/// </summary>
public static class TextDocuments
{
    public static IReadOnlyList<string> Read(string path) => Split(File.ReadAllText(path));

    public static IReadOnlyList<string> Split(string text)
    {
        var documents = new List<string>();
        var current = new List<string>();
        foreach (string line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Trim() is "" or "%")
            {
                Flush();
                continue;
            }
            current.Add(line);
        }
        Flush();
        return documents;

        void Flush()
        {
            string document = string.Join(' ', string.Join(' ', current).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (document.Length > 0)
            {
                documents.Add(document);
            }
            current.Clear();
        }
    }
}
