using System.Text;

namespace WeChatPay.Chain;

/// <summary>
/// A chain's path as written (<c>v3/profitsharing/return-orders/{out_return_no}</c>), and its expansion into the
/// wire path once the placeholder values are known.
/// </summary>
internal sealed class PathTemplate
{
    private PathTemplate(string text, IReadOnlyList<string> placeholders)
    {
        Text = text;
        Placeholders = placeholders;
    }

    /// <summary>The empty path of the root node.</summary>
    public static PathTemplate Root { get; } = new(string.Empty, []);

    /// <summary>The segments joined by <c>/</c>, placeholders in braces.</summary>
    public string Text { get; }

    /// <summary>The names inside <c>{…}</c>, in order of appearance.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>
    /// The catalogue's last answer on whether this APIv2 path needs the merchant certificate (see
    /// <see cref="Pipeline.V2Rules.NeedsCertificate"/>): one entry, replaced whole, so threads that race only look it up twice.
    /// </summary>
    public Pipeline.CertificateLookup? Certificate { get; set; }

    /// <summary>Whether this is an APIv2 path (<c>v2/…</c>), sent without its <c>v2/</c> prefix.</summary>
    public bool IsV2 => Text.StartsWith("v2/", StringComparison.Ordinal) || Text == "v2";

    public PathTemplate Append(IEnumerable<string> segments)
    {
        var text = new StringBuilder(Text);
        var placeholders = new List<string>(Placeholders);
        foreach (var segment in segments)
        {
            // After a trailing slash (Segment.TrailingSlash) the next segment needs no separator of its own.
            if (text.Length > 0 && text[^1] != '/')
            {
                text.Append('/');
            }
            else if (segment.Length == 0)
            {
                continue;
            }

            text.Append(segment);
            placeholders.AddRange(PlaceholdersIn(segment));
        }

        return new PathTemplate(text.ToString(), placeholders);
    }

    /// <summary>
    /// The wire path (no leading <c>/</c>): each placeholder replaced by its value encoded as exactly one segment,
    /// literal text left as written except for characters a URL cannot carry. A segment that comes out as <c>.</c> or
    /// <c>..</c> is refused, naming its placeholder: System.Uri would resolve it, and the signed call would go to
    /// another path (<c>out-trade-no/{out_trade_no}/close</c> with <c>..</c> is <c>POST …/transactions/close</c>).
    /// </summary>
    public string Expand(IReadOnlyDictionary<string, string> values)
    {
        var path = IsV2 ? Text.Length > 3 ? Text[3..] : string.Empty : Text;
        if (Placeholders.Count == 0)
        {
            return Flurl.Url.EncodeIllegalCharacters(path);
        }

        var builder = new StringBuilder(path.Length + 32);
        foreach (var segment in path.Split('/'))
        {
            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            var begin = builder.Length;
            var placeholder = ExpandSegment(segment, values, builder);
            if (placeholder is not null && WireUrl.IsDotSegment(builder.ToString(begin, builder.Length - begin)))
            {
                throw new ArgumentException(
                    $"Option \"{placeholder}\" makes segment {{{placeholder}}} of {Text} a dot segment (. or ..): System.Uri would resolve it before the call is signed and sent, moving the call to another path.",
                    placeholder);
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends one segment, expanded; returns the first placeholder in it, if any.</summary>
    private static string? ExpandSegment(string segment, IReadOnlyDictionary<string, string> values, StringBuilder builder)
    {
        string? first = null;
        var start = 0;
        while (start < segment.Length)
        {
            var open = segment.IndexOf('{', start);
            var close = open < 0 ? -1 : segment.IndexOf('}', open + 1);
            if (close < 0)
            {
                builder.Append(Flurl.Url.EncodeIllegalCharacters(segment[start..]));
                break;
            }

            builder.Append(Flurl.Url.EncodeIllegalCharacters(segment[start..open]));
            var name = segment[(open + 1)..close];
            if (name.Length == 0)
            {
                builder.Append("%7B%7D");
            }
            else
            {
                builder.Append(Uri.EscapeDataString(values[name]));
                first ??= name;
            }

            start = close + 1;
        }

        return first;
    }

    private static IEnumerable<string> PlaceholdersIn(string segment)
    {
        var start = 0;
        while (true)
        {
            var open = segment.IndexOf('{', start);
            var close = open < 0 ? -1 : segment.IndexOf('}', open + 1);
            if (close < 0)
            {
                yield break;
            }

            if (close > open + 1)
            {
                yield return segment[(open + 1)..close];
            }

            start = close + 1;
        }
    }
}
