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
                ? $"The response to {response.Method} {response.RequestUri.AbsolutePath} has Wechatpay-Timestamp {timestamp}, {Math.Abs((long)off.TotalSeconds)} s {(off < TimeSpan.Zero ? "behind" : "ahead of")} this clock; at most {(long)window.TotalSeconds} s is accepted."
                : $"The response to {response.Method} {response.RequestUri.AbsolutePath} has Wechatpay-Timestamp \"{timestamp}\", which is not unix seconds.",
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
        : base($"The response to {response.Method} {response.RequestUri.AbsolutePath} is signed with Wechatpay-Serial {serial}, which is not configured; the known serials are {string.Join(", ", known)}.", response)
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
        : base($"The response to {response.Method} {response.RequestUri.AbsolutePath} has a Wechatpay-Signature that does not verify with the key for {serial}: the body or headers were altered, or the key is not the platform's.", response)
    {
        Serial = serial;
    }

    /// <summary>The serial whose key was used.</summary>
    public string Serial { get; }
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
