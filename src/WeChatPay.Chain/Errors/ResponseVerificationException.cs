namespace WeChatPay.Chain;

/// <summary>A 2xx response failed verification and must not be trusted. Each failed check has its own subclass.</summary>
public abstract class ResponseVerificationException : WeChatPayException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which check failed, and how.</param>
    /// <param name="response">The rejected response.</param>
    protected ResponseVerificationException(string message, WeChatPayResponse response)
        : base(message, response)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">Which check failed, and how.</param>
    /// <param name="response">The rejected response.</param>
    /// <param name="inner">What made the check fail.</param>
    protected ResponseVerificationException(string message, WeChatPayResponse response, Exception inner)
        : base(message, response, inner)
    {
    }

    /// <summary>The rejected response: headers and status always; the body up to where it was read (not at all when the headers already failed and the body is large).</summary>
    public override WeChatPayResponse Response => base.Response!;
}

/// <summary>The response lacks one or more of <c>Wechatpay-Timestamp</c>, <c>-Nonce</c>, <c>-Signature</c>, <c>-Serial</c>.</summary>
public sealed class ResponseHeadersMissingException : ResponseVerificationException
{
    internal ResponseHeadersMissingException(WeChatPayResponse response, IReadOnlyList<string> missing)
        : base($"The response to {response.Method} {response.RequestUri.AbsolutePath} is not signed: it lacks {string.Join(", ", missing)}.", response)
    {
        Missing = missing;
    }

    /// <summary>The headers that are missing.</summary>
    public IReadOnlyList<string> Missing { get; }
}

/// <summary><c>Wechatpay-Timestamp</c> is not unix seconds, or is more than the allowed window away from now.</summary>
public sealed class ResponseTimestampException : ResponseVerificationException
{
    internal ResponseTimestampException(WeChatPayResponse response, string timestamp, TimeSpan? offBy, TimeSpan window)
        : base(
            offBy is { } off
                ? $"The response to {response.Method} {response.RequestUri.AbsolutePath} has Wechatpay-Timestamp {Excerpt.Of(timestamp, Excerpt.TokenLength)}, {Math.Abs((long)off.TotalSeconds)} s {(off < TimeSpan.Zero ? "behind" : "ahead of")} this clock; at most {(long)window.TotalSeconds} s is accepted."
                : $"The response to {response.Method} {response.RequestUri.AbsolutePath} has Wechatpay-Timestamp \"{Excerpt.Of(timestamp, Excerpt.TokenLength)}\", which is not unix seconds.",
            response)
    {
        Timestamp = timestamp;
        OffBy = offBy;
    }

    /// <summary>The header as received.</summary>
    public string Timestamp { get; }

    /// <summary>How far the timestamp is from now (positive: in the future); <see langword="null"/> when it is not a number.</summary>
    public TimeSpan? OffBy { get; }
}

/// <summary><c>Wechatpay-Serial</c> names no configured platform certificate or WeChat Pay public key.</summary>
public sealed class UnknownSerialException : ResponseVerificationException
{
    internal UnknownSerialException(WeChatPayResponse response, string serial, IReadOnlyList<string> known)
        : base($"The response to {response.Method} {response.RequestUri.AbsolutePath} is signed with Wechatpay-Serial {Excerpt.Of(serial, Excerpt.TokenLength)}, which is not configured; the known serials are {string.Join(", ", known)}.", response)
    {
        Serial = serial;
        Known = known;
    }

    /// <summary>The serial the response names.</summary>
    public string Serial { get; }

    /// <summary>The serials configured in <see cref="BuilderOptions.Certs"/>.</summary>
    public IReadOnlyList<string> Known { get; }
}

/// <summary><c>Wechatpay-Signature</c> does not verify over the timestamp, nonce and body with the key for the serial.</summary>
public sealed class InvalidResponseSignatureException : ResponseVerificationException
{
    internal InvalidResponseSignatureException(WeChatPayResponse response, string serial)
        : base($"The response to {response.Method} {response.RequestUri.AbsolutePath} has a Wechatpay-Signature that does not verify with the key for {Excerpt.Of(serial, Excerpt.TokenLength)}: the body or headers were altered, or the key is not the platform's.", response)
    {
        Serial = serial;
    }

    /// <summary>The serial whose key was used.</summary>
    public string Serial { get; }
}

/// <summary>
/// One of the <c>Wechatpay-*</c> signature headers came more than once (or as a list): the answer is refused rather
/// than verified with one of the values, because which one a proxy or the caller would see is not defined.
/// </summary>
public sealed class DuplicateResponseHeaderException : ResponseVerificationException
{
    internal DuplicateResponseHeaderException(WeChatPayResponse response, string header)
        : base($"The response to {response.Method} {response.RequestUri.AbsolutePath} carries {header} more than once; a signed answer carries each signature header once.", response)
    {
        Header = header;
    }

    /// <summary>The header that came more than once.</summary>
    public string Header { get; }
}

/// <summary>
/// The answer names a <c>Wechatpay-Serial</c> not yet known, and downloading the platform certificates to learn it
/// (<see cref="BuilderOptions.AutoRenewCertificates"/>) failed, so the answer could not be verified.
/// <see cref="Exception.InnerException"/> is why the download failed; the keys in use are unchanged.
/// </summary>
public sealed class CertificateRenewalException : ResponseVerificationException
{
    internal CertificateRenewalException(WeChatPayResponse response, string serial, Exception inner)
        : base($"The response to {response.Method} {response.RequestUri.AbsolutePath} is signed with Wechatpay-Serial {Excerpt.Of(serial, Excerpt.TokenLength)}, which is not known yet, and downloading the platform certificates failed: {Why(inner)}", response, inner)
    {
        Serial = serial;
    }

    /// <summary>The serial the response names.</summary>
    public string Serial { get; }

    private static string Why(Exception inner) => inner switch
    {
        System.Security.Cryptography.AuthenticationTagMismatchException => "they do not decrypt with ApiV3Key; check that it is this merchant's APIv3 key.",
        WeChatPayApiException api => $"the platform answered HTTP {api.StatusCode} {api.Code}.",
        WeChatPayTransportException => "no answer came.",
        ResponseVerificationException => "the download itself failed verification.",
        System.Security.Cryptography.CryptographicException => "a downloaded certificate could not be read.",
        _ => "the download failed (" + inner.GetType().Name + ").",
    };
}

/// <summary>An APIv2 answer is not the platform's XML: it does not parse, or it carries a DTD (refused, against XXE).</summary>
public sealed class MalformedResponseException : ResponseVerificationException
{
    internal MalformedResponseException(WeChatPayResponse response, Exception inner)
        : base($"The answer to {response.Method} {response.RequestUri.AbsolutePath} is not APIv2 XML this library accepts (DTDs and entities are refused): {inner.Message}", response, inner)
    {
    }
}

/// <summary>An APIv2 answer's <c>sign</c> is missing, or does not verify with the APIv2 key.</summary>
public sealed class InvalidResponseSignException : ResponseVerificationException
{
    internal InvalidResponseSignException(WeChatPayResponse response, string? signType)
        : base(
            signType is null
                ? $"The answer to {response.Method} {response.RequestUri.AbsolutePath} carries no sign."
                : $"The answer to {response.Method} {response.RequestUri.AbsolutePath} has a {signType} sign that does not verify with the APIv2 key: the answer was altered, or the key is not this merchant's.",
            response)
    {
        SignType = signType;
    }

    /// <summary>The sign type its length implies (<c>HMAC-SHA256</c> or <c>MD5</c>); <see langword="null"/> when there was no sign.</summary>
    public string? SignType { get; }
}
