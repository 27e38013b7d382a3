namespace WeChatPay.Chain.Tests.Security;

/// <summary>
/// The forms a secret takes when it is put in the wrong place: as is, cut short, padded, broken by whitespace, behind
/// <c>file://</c> or inside a path, in another letter case, a character too long or short, quoted, with a line break,
/// percent-encoded, with a NUL, labelled, and for PEM text its bare base64, CRLF line ends or another label. Random
/// choices (where to cut, where to break) come from the caller's seeded <see cref="Random"/>.
/// </summary>
internal static class Mutations
{
    public static readonly IReadOnlyList<(string Name, Func<string, Random, string> Apply)> All =
    [
        ("as is", (s, _) => s),
        ("truncated", (s, r) => s[..r.Next(1, s.Length)]),
        ("padded with whitespace", (s, _) => "  " + s + "\n"),
        ("broken by whitespace", BrokenByWhitespace),
        ("after file://", (s, _) => "file://" + s),
        ("inside a file:// path", (s, _) => "file:///etc/wechatpay/" + s + ".pem"),
        ("inside a relative file:// path", (s, _) => "file://keys/" + s),
        ("inside a plain path", (s, _) => "/etc/wechatpay/" + s),
        ("upper-cased", (s, _) => s.ToUpperInvariant()),
        ("lower-cased", (s, _) => s.ToLowerInvariant()),
        ("case-swapped at random", (s, r) => string.Concat(s.Select(c => r.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)))),
        ("too long", (s, r) => s + s[..r.Next(1, 8)]),
        ("a character short", (s, _) => s[1..]),
        ("quoted", (s, _) => "\"" + s + "\""),
        ("with CRLF", (s, _) => s + "\r\n"),
        ("percent-encoded after file://", (s, _) => "file:///tmp/" + Uri.EscapeDataString(s)),
        ("with a NUL inside", (s, r) => s.Insert(r.Next(1, s.Length), "\0")),
        ("labelled", (s, _) => "key=" + s),
        ("bare base64, or doubled", (s, _) => IsPem(s) ? Secrets.Base64Of(s) : s + " " + s),
        ("with CRLF line ends, or a lone surrogate", (s, _) => IsPem(s) ? s.Replace("\n", "\r\n", StringComparison.Ordinal) : s + "\uD800"),
        ("under another PEM label, or with a non-ASCII letter", (s, r) => IsPem(s) ? s.Replace("PRIVATE KEY", "PUBLIC KEY", StringComparison.Ordinal) : s.Insert(r.Next(1, s.Length), "密")),
    ];

    public static bool IsPem(string s) => s.StartsWith("-----BEGIN", StringComparison.Ordinal);

    public static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasLineBreak(string s) => s.AsSpan().IndexOfAny('\r', '\n') >= 0;

    private static string BrokenByWhitespace(string s, Random random)
    {
        var text = s;
        for (var breaks = random.Next(1, 4); breaks > 0; breaks--)
        {
            text = text.Insert(random.Next(1, text.Length), random.Next(3) switch { 0 => " ", 1 => "\t", _ => "\n" });
        }

        return text;
    }
}
