using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Dllm.Generators.Json;

/// <summary>
/// A strict RFC 8259 reader for config.json files: no comments, no trailing commas, no duplicate
/// keys, one value per file. Throws <see cref="JsonSyntaxException"/> at the first problem.
/// </summary>
internal sealed class JsonReader
{
    // System.Text.Json's default; deeper nesting is rejected rather than risking the compiler's stack.
    private const int MaxDepth = 64;

    private readonly string _source;
    private int _position;
    private int _depth;

    private JsonReader(string source) => _source = source;

    public static JsonValue Parse(string source)
    {
        var reader = new JsonReader(source);
        reader.SkipWhitespace();
        JsonValue root = reader.ReadValue();
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Error("unexpected text after the JSON value");
        }
        return root;
    }

    private bool AtEnd => _position >= _source.Length;

    private char Current => _source[_position];

    private JsonValue ReadValue()
    {
        if (AtEnd)
        {
            throw Error("unexpected end of file; expected a value");
        }
        switch (Current)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                int start = _position;
                string value = ReadString();
                return JsonValue.String(SpanFrom(start), value);
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (Current == '-' || IsDigit(Current))
                {
                    return ReadNumber();
                }
                throw Error($"unexpected character '{Current}'; expected a value");
        }
    }

    private JsonValue ReadObject()
    {
        int start = _position;
        Enter();
        var members = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return Leave(JsonValue.Object(SpanFrom(start), members));
        }
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Current != '"')
            {
                throw Error("expected a quoted key");
            }
            int keyStart = _position;
            string key = ReadString();
            if (members.ContainsKey(key))
            {
                _position = keyStart;
                throw Error($"duplicate key \"{key}\"");
            }
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            members.Add(key, ReadValue());
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return Leave(JsonValue.Object(SpanFrom(start), members));
            }
            Expect(',');
        }
    }

    private JsonValue ReadArray()
    {
        int start = _position;
        Enter();
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return Leave(JsonValue.Array(SpanFrom(start)));
        }
        while (true)
        {
            SkipWhitespace();
            ReadValue();
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return Leave(JsonValue.Array(SpanFrom(start)));
            }
            Expect(',');
        }
    }

    private string ReadString()
    {
        _position++; // the opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated string");
            }
            char c = Current;
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }
            if (c < ' ')
            {
                throw Error("control character in a string; it must be escaped");
            }
            if (c == '\\')
            {
                builder.Append(ReadEscape());
                continue;
            }
            builder.Append(c);
            _position++;
        }
    }

    private char ReadEscape()
    {
        _position++; // the backslash
        if (AtEnd)
        {
            throw Error("unterminated string");
        }
        char c = Current;
        _position++;
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_position + 4 > _source.Length
                    || !ushort.TryParse(_source.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                {
                    throw Error("\\u must be followed by four hexadecimal digits");
                }
                _position += 4;
                return (char)code;
            default:
                _position -= 2; // report at the backslash
                throw Error($"invalid escape '\\{c}'");
        }
    }

    // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private JsonValue ReadNumber()
    {
        int start = _position;
        TryConsume('-');
        if (TryConsume('0'))
        {
            if (!AtEnd && IsDigit(Current))
            {
                throw Error("a number must not have a leading zero");
            }
        }
        else
        {
            Digits("a digit");
        }
        if (TryConsume('.'))
        {
            Digits("a digit after the decimal point");
        }
        if (TryConsume('e') || TryConsume('E'))
        {
            if (!TryConsume('+'))
            {
                TryConsume('-');
            }
            Digits("a digit in the exponent");
        }
        TextSpan span = SpanFrom(start);
        return JsonValue.Number(span, _source.Substring(span.Start, span.Length));
    }

    private void Digits(string expected)
    {
        if (AtEnd || !IsDigit(Current))
        {
            throw Error($"expected {expected}");
        }
        while (!AtEnd && IsDigit(Current))
        {
            _position++;
        }
    }

    private JsonValue ReadLiteral(string word, JsonKind kind)
    {
        int start = _position;
        if (string.CompareOrdinal(_source, _position, word, 0, word.Length) != 0)
        {
            throw Error($"unexpected character '{Current}'; expected a value");
        }
        _position += word.Length;
        return JsonValue.Literal(kind, SpanFrom(start));
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }
        _position++; // the opening bracket
    }

    private JsonValue Leave(JsonValue container)
    {
        _depth--;
        return container;
    }

    private void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error(AtEnd ? $"unexpected end of file; expected '{expected}'" : $"expected '{expected}', found '{Current}'");
        }
    }

    private bool TryConsume(char expected)
    {
        if (!AtEnd && Current == expected)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && Current is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, _position);

    private JsonSyntaxException Error(string message) => new(message, _position);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
