namespace WeChatPay.Chain;

/// <summary>
/// No answer came: the host was not found, the connection or TLS failed, or the connection was reset or closed before
/// the platform answered. <see cref="Exception.InnerException"/> is the transport's own error. The library never
/// re-sends a request behind the caller's back; <see cref="MayHaveReachedPlatform"/> says whether retrying could repeat
/// it (APIv3 calls are then answered idempotently by request number, e.g. <c>out_return_no</c>).
/// </summary>
public class WeChatPayTransportException : WeChatPayException
{
    internal WeChatPayTransportException(HttpMethod method, Uri requestUri, bool mayHaveReachedPlatform, Exception inner)
        : this(
            $"{method} {requestUri.AbsolutePath} got no answer: {Describe(inner)}. "
            + (mayHaveReachedPlatform
                ? "The request may have reached the platform: before retrying, query whether it took effect, or retry with the same request number."
                : "The request did not reach the platform; it is safe to send again."),
            method,
            requestUri,
            mayHaveReachedPlatform,
            inner)
    {
    }

    /// <summary>Creates the exception with a message of a subclass's own.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's URI.</param>
    /// <param name="mayHaveReachedPlatform">Whether any of the request may have been delivered.</param>
    /// <param name="inner">The transport's error.</param>
    protected WeChatPayTransportException(string message, HttpMethod method, Uri requestUri, bool mayHaveReachedPlatform, Exception inner)
        : base(message, method, requestUri, inner)
    {
        MayHaveReachedPlatform = mayHaveReachedPlatform;
    }

    /// <summary>
    /// <see langword="false"/> when the request provably never left this machine whole (the host was not found, the
    /// connection or the TLS handshake failed, or the connection was known closed before writing); else
    /// <see langword="true"/>: the platform may have received and acted on it.
    /// </summary>
    public bool MayHaveReachedPlatform { get; }

    private static string Describe(Exception inner)
    {
        for (var e = inner; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http)
            {
                return http.HttpRequestError switch
                {
                    HttpRequestError.NameResolutionError => "the host name did not resolve",
                    HttpRequestError.ConnectionError => "the connection could not be made",
                    HttpRequestError.SecureConnectionError => "the TLS handshake failed",
                    HttpRequestError.ResponseEnded => "the connection was closed before a complete answer",
                    HttpRequestError.InvalidResponse => "the answer was not valid HTTP",
                    _ => "the transport failed (" + http.HttpRequestError + ")",
                };
            }

            if (e is IOException or System.Net.Sockets.SocketException)
            {
                return "the connection failed (" + e.GetType().Name + ")";
            }
        }

        return "the transport failed (" + inner.GetType().Name + ")";
    }
}

/// <summary>
/// The call took longer than <see cref="BuilderOptions.Timeout"/> (for a streamed download: no data came for that
/// long) and was abandoned. The request may have reached the platform.
/// </summary>
public sealed class WeChatPayTimeoutException : WeChatPayTransportException
{
    internal WeChatPayTimeoutException(HttpMethod method, Uri requestUri, TimeSpan timeout, Exception inner)
        : base(
            $"{method} {requestUri.AbsolutePath} was abandoned after the {timeout.TotalSeconds:0.###} s timeout. The request may have reached the platform: before retrying, query whether it took effect, or retry with the same request number.",
            method,
            requestUri,
            mayHaveReachedPlatform: true,
            inner)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}
