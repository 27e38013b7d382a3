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

    /// <summary>Whether this is an APIv2 path (<c>v2/…</c>), sent without its <c>v2/</c> prefix.</summary>
    public bool IsV2 => Text.StartsWith("v2/", StringComparison.Ordinal) || Text == "v2";

    public PathTemplate Append(IEnumerable<string> segments)
    {
        var text = new StringBuilder(Text);
        var placeholders = new List<string>(Placeholders);
        foreach (var segment in segments)
        {
            if (text.Length > 0)
            {
                text.Append('/');
            }

            text.Append(segment);
            placeholders.AddRange(PlaceholdersIn(segment));
        }

        return new PathTemplate(text.ToString(), placeholders);
    }

    /// <summary>
    /// The wire path (no leading <c>/</c>): each placeholder replaced by its value encoded as exactly one segment,
    /// literal text left as written except for characters a URL cannot carry.
    /// </summary>
    public string Expand(IReadOnlyDictionary<string, string> values)
    {
        var path = IsV2 ? Text.Length > 3 ? Text[3..] : string.Empty : Text;
        if (Placeholders.Count == 0)
        {
            return Flurl.Url.EncodeIllegalCharacters(path);
        }

        var builder = new StringBuilder(path.Length + 32);
        var start = 0;
        while (start < path.Length)
        {
            var open = path.IndexOf('{', start);
            var close = open < 0 ? -1 : path.IndexOf('}', open + 1);
            if (close < 0)
            {
                builder.Append(Flurl.Url.EncodeIllegalCharacters(path[start..]));
                break;
            }

            builder.Append(Flurl.Url.EncodeIllegalCharacters(path[start..open]));
            var name = path[(open + 1)..close];
            builder.Append(name.Length == 0 ? "%7B%7D" : Uri.EscapeDataString(values[name]));
            start = close + 1;
        }

        return builder.ToString();
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
