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

    /// <summary>A name fit to quote in a message: anything but visible ASCII shown as <c>\uXXXX</c>.</summary>
    public static string Printable(string name) =>
        string.Concat(name.Select(c => c is > ' ' and < '\u007f' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)));

    private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
