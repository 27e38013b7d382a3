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
