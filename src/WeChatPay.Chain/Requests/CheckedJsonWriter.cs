using Newtonsoft.Json;

namespace WeChatPay.Chain;

/// <summary>
/// The writer every request body is serialised through. Newtonsoft.Json recurses once per nesting level and has no
/// depth limit when writing, so a deeply nested value overflows the stack and ends the process; this writer throws
/// past <see cref="MaxDepth"/>, unwinding the recursion early. It also refuses strings with a lone surrogate, which
/// UTF-8 encoding would silently turn into U+FFFD. Each refusal names the option and the JSON path.
/// </summary>
internal sealed class CheckedJsonWriter(TextWriter writer, string option) : JsonTextWriter(writer)
{
    /// <summary>The deepest nesting written; WeChat Pay's bodies nest a handful of levels.</summary>
    public const int MaxDepth = 64;

    public override void WriteStartObject()
    {
        base.WriteStartObject();
        Deepened();
    }

    public override void WriteStartArray()
    {
        base.WriteStartArray();
        Deepened();
    }

    public override void WriteStartConstructor(string name)
    {
        base.WriteStartConstructor(name);
        Deepened();
    }

    // The checks run after the base call because only then does Path name the token just written; nothing has been
    // sent yet, the text is still in memory.
    public override void WritePropertyName(string name)
    {
        base.WritePropertyName(name);
        Encodable(name, "a property name");
    }

    public override void WritePropertyName(string name, bool escape)
    {
        base.WritePropertyName(name, escape);
        Encodable(name, "a property name");
    }

    public override void WriteValue(string? value)
    {
        base.WriteValue(value);
        Encodable(value, "a string");
    }

    public override void WriteValue(char value)
    {
        base.WriteValue(value);
        Encodable(value.ToString(), "a char");
    }

    public override void WriteRawValue(string? json)
    {
        base.WriteRawValue(json);
        Encodable(json, "raw JSON");
    }

    private void Deepened()
    {
        if (Top > MaxDepth)
        {
            throw new ArgumentException(
                $"Option \"{option}\" nests deeper than {MaxDepth} levels at {Where()}: WeChat Pay bodies are shallow, and an unbounded depth would overflow the stack.",
                option);
        }
    }

    private void Encodable(string? text, string what)
    {
        if (text is not null && Characters.IndexOfLoneSurrogate(text) is var index and >= 0)
        {
            throw new ArgumentException(
                $"Option \"{option}\" at {Where()}: {what} has {Characters.Describe(text[index])} at index {index}; it has no UTF-8 form and would be sent as U+FFFD instead.",
                option);
        }
    }

    /// <summary>The JSON path, printable and bounded (a path 64 levels deep can be long).</summary>
    private string Where()
    {
        var path = Path.Length == 0 ? option : option + (Path.StartsWith('[') ? string.Empty : ".") + Path;
        path = Characters.PrintablePath(path);
        return path.Length <= 200 ? path : string.Concat(path.AsSpan(0, 100), "…", path.AsSpan(path.Length - 100));
    }
}
