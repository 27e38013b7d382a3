using System.Text;

namespace WeChatPay.Chain;

/// <summary>
/// Text the other side chose (an error message, a header value), made safe to put in an exception message: one line,
/// no control characters, at most a bounded number of characters, so a hostile answer cannot flood a log or forge
/// log lines.
/// </summary>
internal static class Excerpt
{
    /// <summary>How much of a platform message an exception message quotes.</summary>
    public const int MessageLength = 256;

    /// <summary>How much of a code, serial, timestamp or other token an exception message quotes.</summary>
    public const int TokenLength = 64;

    public static string Of(string? text, int max = MessageLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > max;
        var builder = new StringBuilder(Math.Min(text.Length, max) + 24);
        foreach (var c in cut ? text.AsSpan(0, max) : text.AsSpan())
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return cut ? builder.Append($"… ({text.Length} characters)").ToString() : builder.ToString();
    }
}
