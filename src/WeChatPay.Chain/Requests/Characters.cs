using System.Globalization;

namespace WeChatPay.Chain;

/// <summary>
/// The character checks the options share, and how a refused character is described: by its class and index, never
/// by the text around it (the text may be a secret), and by code point only where the class is a control character.
/// </summary>
internal static class Characters
{
    /// <summary>The index of the first surrogate without its other half, or -1: such text has no UTF-8 form.</summary>
    public static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Refuses text holding a lone surrogate, which .NET would silently send as U+FFFD.</summary>
    public static void RequireUtf8(string text, string what, string paramName)
    {
        var index = IndexOfLoneSurrogate(text);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"{what} has {Describe(text[index])} at index {index}: it has no UTF-8 form and would be sent as U+FFFD instead.", paramName);
        }
    }

    /// <summary>The class of <paramref name="c"/> in words: "a line feed (LF, U+000A)", "a non-ASCII character".</summary>
    public static string Describe(char c) => c switch
    {
        '\r' => "a carriage return (CR, U+000D)",
        '\n' => "a line feed (LF, U+000A)",
        '\t' => "a tab (HTAB, U+0009)",
        '\0' => "a NUL (U+0000)",
        ' ' => "a space (U+0020)",
        '\u007f' => "a DEL (U+007F)",
        '\uFFFE' or '\uFFFF' => $"the noncharacter {CodePoint(c)}",
        _ when char.IsHighSurrogate(c) => "an unpaired high surrogate (U+D800-U+DBFF)",
        _ when char.IsLowSurrogate(c) => "an unpaired low surrogate (U+DC00-U+DFFF)",
        _ when char.IsControl(c) => $"a control character ({CodePoint(c)})",
        _ when !char.IsAscii(c) => "a non-ASCII character",
        _ => $"'{c}'",
    };

    /// <summary>
    /// A name fit to quote in a message or a <c>ParamName</c>: as written when it is short printable text with nothing
    /// like key material in it; else its shape in angle brackets, since it may be a secret put in the wrong place.
    /// </summary>
    public static string Printable(string name) =>
        WeChatPay.Chain.Describe.CanQuote(name)
            ? string.Concat(name.Select(c => c is > ' ' and < '\u007f' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)))
            : "<" + WeChatPay.Chain.Describe.Value(name) + ">";

    /// <summary>A JSON path (<c>json.payer.openid</c>, <c>json.list[0][1]</c>) with each name shown as <see cref="Printable"/> shows one.</summary>
    public static string PrintablePath(string path) => string.Join('.', path.Split('.').Select(part =>
    {
        var index = part.IndexOf('[', StringComparison.Ordinal);
        var suffix = index < 0 ? string.Empty : part[index..];
        return index >= 0 && !suffix.AsSpan().ContainsAnyExcept("[]0123456789")
            ? (index == 0 ? string.Empty : Printable(part[..index])) + suffix
            : Printable(part);
    }));

    /// <summary>How an entry of an option is named: <c>query.out_order_no</c>, or <c>query.&lt;a 1700-character string…&gt;</c>.</summary>
    public static string Entry(string option, string name) => option + "." + Printable(name);

    private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
