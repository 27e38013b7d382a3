namespace WeChatPay.Chain.Testing;

/// <summary>One request as the fake platform received it, and what it made of it.</summary>
public sealed class PlatformRequest
{
    internal PlatformRequest(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset received)
    {
        Method = method;
        RawTarget = rawTarget;
        Headers = headers;
        Body = body;
        Received = received;
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        Path = Uri.UnescapeDataString(query < 0 ? rawTarget : rawTarget[..query]);
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request-target exactly as it arrived (path and encoded query).</summary>
    public string RawTarget { get; }

    /// <summary>The decoded path.</summary>
    public string Path { get; }

    /// <summary>The request headers (several values joined by <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Body { get; }

    /// <summary>When it arrived, by the platform's clock.</summary>
    public DateTimeOffset Received { get; }

    /// <summary>Which connection it came on (Kestrel's connection id): requests on a kept-alive connection share it.</summary>
    public string ConnectionId { get; internal init; } = string.Empty;

    /// <summary>Whether the request's signature and identity were accepted.</summary>
    public bool Accepted => Rejection is null;

    /// <summary>Why the request was refused before reaching an API (<c>SIGN_ERROR</c> and the like), or <see langword="null"/>.</summary>
    public string? Rejection { get; internal set; }

    /// <summary>The fault injected into this exchange, if any.</summary>
    public Fault? Fault { get; internal set; }

    /// <summary>The status answered (0 when the connection was reset or closed instead).</summary>
    public int Status { get; internal set; }

    /// <summary>The platform's error code when it answered with one (<c>PARAM_ERROR</c>, <c>SIGN_ERROR</c>, …).</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>The decoded query parameters (the last of a repeated name wins).</summary>
    internal Dictionary<string, string> Query()
    {
        var at = RawTarget.IndexOf('?', StringComparison.Ordinal);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at >= 0)
        {
            foreach (var pair in RawTarget[(at + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                query[Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq])] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return query;
    }

    /// <summary>The method, target, status and verdict on one line.</summary>
    public override string ToString() => $"{Method} {RawTarget} → {Status}{(ErrorCode is null ? string.Empty : " " + ErrorCode)}{(Rejection is null ? string.Empty : ": " + Rejection)}{(Fault is null ? string.Empty : $" [fault {Fault}]")}";
}
