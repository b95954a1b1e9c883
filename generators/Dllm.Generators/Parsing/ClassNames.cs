using System.Text;

namespace Dllm.Generators.Parsing;

/// <summary>Turns a config's file name into a C# class name: "llada-tiny.json" becomes <c>LladaTiny</c>.</summary>
internal static class ClassNames
{
    public static string FromFileName(string fileName)
    {
        var name = new StringBuilder();
        bool startOfWord = true;
        foreach (char c in Path.GetFileNameWithoutExtension(fileName))
        {
            if (!IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }
            name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }
        // An identifier cannot start with a digit, and the table's own name is taken.
        if (name.Length == 0 || char.IsDigit(name[0]) || name.ToString() == Emit.TableEmitter.ClassName)
        {
            name.Insert(0, "Model");
        }
        return name.ToString();
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
