namespace WeChatPay.Chain;

/// <summary>
/// The URL a call builds must be the URL it sends. Flurl and the signer both read it back through
/// <see cref="System.Uri"/>, which resolves dot segments (<c>..</c>, <c>%2e%2e</c>), decodes percent-encoded
/// unreserved characters and cuts at <c>?</c> and <c>#</c>: what was signed and sent would then be another path than
/// the one the caller wrote, possibly another API. These checks refuse any such rewrite instead of sending it.
/// </summary>
internal static class WireUrl
{
    /// <summary>The segment as <see cref="System.Uri"/> would send it, for a segment already free of illegal characters.</summary>
    public static string AsSent(string encodedSegment) =>
        Uri.TryCreate("http://h/" + encodedSegment, UriKind.Absolute, out var uri) ? uri.AbsolutePath[1..] : string.Empty;

    /// <summary>Whether <paramref name="segment"/>, as it goes in the URL, is <c>.</c> or <c>..</c>, escaped or not.</summary>
    public static bool IsDotSegment(string segment) =>
        segment is "." or ".." || (segment.Contains('%') && Uri.UnescapeDataString(segment) is "." or "..");

    /// <summary>
    /// Returns <paramref name="url"/> once it is sure that neither <see cref="System.Uri"/> nor Flurl rewrites it, so
    /// the target signed is the target built. The path before <paramref name="pathStart"/> is the base address's.
    /// </summary>
    /// <param name="url">The absolute URL, its path and query already encoded.</param>
    /// <param name="pathStart">Where the path begins (the length of scheme and authority).</param>
    /// <param name="template">The chain's path as written, for the message.</param>
    /// <param name="hasQuery">Whether option <c>query</c> contributed, to name it when the URL is too long.</param>
    public static string Unchanged(string url, int pathStart, string template, bool hasQuery)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var system))
        {
            throw new ArgumentException(
                $"The URL of {template} ({url.Length} characters) is not one System.Uri accepts; it allows at most 65,519.", hasQuery ? "query" : "segments");
        }

        Same(system, url, pathStart, template);
        Same(new Flurl.Url(url).ToUri(), url, pathStart, template);
        return url;
    }

    private static void Same(Uri sent, string url, int pathStart, string template)
    {
        var built = url.AsSpan(pathStart);
        if (sent.PathAndQuery.AsSpan().SequenceEqual(built) && sent.GetLeftPart(UriPartial.Authority).AsSpan().SequenceEqual(url.AsSpan(0, pathStart)))
        {
            return;
        }

        var query = built.IndexOf('?');
        var path = query < 0 ? built : built[..query];
        throw new ArgumentException(
            $"{template} would be sent as {sent.AbsolutePath} rather than the {path} built and signed for it: System.Uri rewrites it. Write the path without dot segments or percent-encoded letters, digits and -._~.",
            "segments");
    }
}
