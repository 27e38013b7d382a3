using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace WeChatPay.Chain.Analyzers.Catalogue;

/// <summary>
/// Reads one line of catalogue.jsonl into dictionaries, lists, strings, numbers and booleans. The analyzer runs inside
/// the compiler and can bring no JSON library of its own; the generator writes plain JSON, so a small reader does.
/// </summary>
internal sealed class JsonLine
{
    private readonly string _text;
    private int _at;

    private JsonLine(string text) => _text = text;

    public static object? Parse(string text) => new JsonLine(text).Value();

    private object? Value()
    {
        Skip();
        switch (_text[_at])
        {
            case '{':
                return Object();
            case '[':
                return Array();
            case '"':
                return String();
            case 't':
                _at += 4;
                return true;
            case 'f':
                _at += 5;
                return false;
            case 'n':
                _at += 4;
                return null;
            default:
                return Number();
        }
    }

    private Dictionary<string, object?> Object()
    {
        var result = new Dictionary<string, object?>(System.StringComparer.Ordinal);
        _at++;
        Skip();
        if (_text[_at] == '}')
        {
            _at++;
            return result;
        }

        while (true)
        {
            Skip();
            var name = String();
            Skip();
            _at++; // ':'
            result[name] = Value();
            Skip();
            if (_text[_at++] == '}')
            {
                return result;
            }
        }
    }

    private List<object?> Array()
    {
        var result = new List<object?>();
        _at++;
        Skip();
        if (_text[_at] == ']')
        {
            _at++;
            return result;
        }

        while (true)
        {
            result.Add(Value());
            Skip();
            if (_text[_at++] == ']')
            {
                return result;
            }
        }
    }

    private string String()
    {
        var builder = new StringBuilder();
        _at++;
        while (_text[_at] != '"')
        {
            var c = _text[_at++];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escaped = _text[_at++];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    builder.Append((char)int.Parse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _at += 4;
                    break;
                default: builder.Append(escaped); break;
            }
        }

        _at++;
        return builder.ToString();
    }

    private double Number()
    {
        var start = _at;
        while (_at < _text.Length && "+-0123456789.eE".IndexOf(_text[_at]) >= 0)
        {
            _at++;
        }

        return double.Parse(_text.Substring(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private void Skip()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }
}
