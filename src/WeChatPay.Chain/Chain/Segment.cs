using System.Text;

namespace WeChatPay.Chain;

/// <summary>How a C# member name becomes a URL segment, the way the PHP and Node SDKs spell them.</summary>
internal static class Segment
{
    /// <summary>
    /// <c>V3</c> → <c>v3</c>, <c>ReturnOrders</c> → <c>return-orders</c>, <c>ComplaintsV2</c> → <c>complaints-v2</c>,
    /// <c>_out_return_no_</c> → <c>{out_return_no}</c> (placeholders keep their case).
    /// </summary>
    public static string FromMember(string name) =>
        // A C# identifier always makes a segment that passes; other languages' binders may hand over any name.
        Checked(SegmentSpelling.FromMember(name), name, "name");

    /// <summary>
    /// Splits literal text on <c>/</c>, dropping empty pieces, with no case change; each piece is checked. A trailing
    /// <c>/</c> is kept as a last, empty segment: some paths end with one (<c>v3/applyment4sub/applyment/</c>), and
    /// the platform tells the two apart. Text that is only <c>/</c> adds just that trailing slash.
    /// </summary>
    public static IEnumerable<string> FromLiteral(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        var pieces = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length == 0 && text != "/")
        {
            throw new ArgumentException($"The segment text \"{Characters.Printable(text)}\" holds no segment.", parameterName);
        }

        foreach (var piece in pieces)
        {
            Checked(piece, text, parameterName);
        }

        return text.EndsWith('/') ? [.. pieces, TrailingSlash] : pieces;
    }

    /// <summary>The empty last segment that makes a path end with <c>/</c>.</summary>
    public const string TrailingSlash = "";

    /// <summary>
    /// Refuses a segment that would not be sent as written: a dot segment, which System.Uri resolves before the
    /// request is signed (<c>v3/pay/../refund</c> is sent as <c>v3/refund</c>), a <c>?</c> or <c>#</c>, which would
    /// end the path, text System.Uri rewrites (<c>%2e</c>, <c>%41</c>), or a lone surrogate, which has no UTF-8 form.
    /// </summary>
    private static string Checked(string segment, string text, string parameterName)
    {
        var where = $"Segment \"{Characters.Printable(segment)}\" of \"{Characters.Printable(text)}\"";
        if (WireUrl.IsDotSegment(segment))
        {
            throw new ArgumentException($"{where} is a dot segment: System.Uri would resolve it before the call is signed and sent, moving the call to another path.", parameterName);
        }

        if (segment.AsSpan().IndexOfAny('?', '#') is var end and >= 0)
        {
            throw new ArgumentException($"{where} holds '{segment[end]}', which would end the path: pass query fields as option \"query\".", parameterName);
        }

        if (Characters.IndexOfLoneSurrogate(segment) is var lone and >= 0)
        {
            throw new ArgumentException($"{where} has {Characters.Describe(segment[lone])} at index {lone}; it has no UTF-8 form.", parameterName);
        }

        var encoded = Flurl.Url.EncodeIllegalCharacters(segment);
        var sent = WireUrl.AsSent(encoded);
        if (sent != encoded)
        {
            throw new ArgumentException(
                $"{where} would be sent as \"{sent}\" rather than \"{encoded}\": System.Uri rewrites it (dot segments, percent-encoded letters, digits and -._~, lower-case escapes). Write it as it is sent.",
                parameterName);
        }

        return segment;
    }
}
