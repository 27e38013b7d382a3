using System.Buffers;

namespace WeChatPay.Chain;

/// <summary>
/// What option <c>headers</c> may carry. Flurl adds headers without validation, so a value is written to the wire as
/// given: a CR or LF in it would add headers or end the request early and smuggle a second one carrying the
/// signature. Names must be RFC 9110 tokens, values visible ASCII, spaces and tabs; headers the library or HTTP
/// framing owns are refused.
/// </summary>
internal static class HeaderRules
{
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> ValueCharacters =
        SearchValues.Create("\t " + new string(Enumerable.Range(0x21, 0x7E - 0x20).Select(c => (char)c).ToArray()));

    /// <summary>Each owned header, and why a call may not set it.</summary>
    private static readonly Dictionary<string, string> Owned = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Authorization"] = "the signer sets it for each attempt",
        ["Content-Type"] = "the library sets it from the body (pass an HttpContent as option \"body\" to choose your own)",
        ["Host"] = "it comes from the base address, and a different one would route the signed request elsewhere",
        ["Content-Length"] = "HTTP framing: the body's length is counted as it is sent",
        ["Transfer-Encoding"] = "HTTP framing: the body's length is counted as it is sent",
        ["Trailer"] = "HTTP framing: the library sends no trailers",
        ["TE"] = "HTTP framing: transfer codings are the connection's (hop-by-hop)",
        ["Connection"] = "HTTP framing: the connection pool manages connections (hop-by-hop)",
        ["Keep-Alive"] = "HTTP framing: the connection pool manages connections (hop-by-hop)",
        ["Proxy-Connection"] = "HTTP framing: the connection pool manages connections (hop-by-hop)",
        ["Upgrade"] = "HTTP framing: a call never switches protocols (hop-by-hop)",
        ["Expect"] = "HTTP framing: the body is sent at once, never after a 100 Continue",
    };

    /// <summary>Refuses a (non-empty) name that is not an RFC 9110 token, or one the library or HTTP framing owns.</summary>
    public static void CheckName(string name)
    {
        var bad = name.AsSpan().IndexOfAnyExcept(TokenCharacters);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Option \"{Characters.Entry("headers", name)}\": the name has {Characters.Describe(name[bad])} at index {bad}; a header name is an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~).",
                "headers");
        }

        if (Owned.TryGetValue(name, out var why))
        {
            throw new ArgumentException($"Option \"headers.{name}\": a call may not set {name}: {why}.", "headers");
        }
    }

    /// <summary>Refuses a value with anything but visible ASCII, spaces and tabs; the message gives no part of the value.</summary>
    public static void CheckValue(string name, string value)
    {
        var bad = value.AsSpan().IndexOfAnyExcept(ValueCharacters);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Option \"{Characters.Entry("headers", name)}\": the value has {Characters.Describe(value[bad])} at index {bad}; a header value may hold visible ASCII, spaces and tabs only (no CR, LF, NUL, other control characters, DEL or non-ASCII).",
                "headers");
        }
    }
}
