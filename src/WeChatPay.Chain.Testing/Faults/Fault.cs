namespace WeChatPay.Chain.Testing;

/// <summary>What can go wrong on purpose in one exchange with the fake platform.</summary>
public enum Fault
{
    /// <summary>The answer's <c>Wechatpay-Signature</c> is corrupted.</summary>
    BadSignature,

    /// <summary>The answer is signed with a key that is not the one its <c>Wechatpay-Serial</c> names.</summary>
    WrongKey,

    /// <summary>The answer's <c>Wechatpay-Timestamp</c> is ten minutes old.</summary>
    StaleTimestamp,

    /// <summary>The answer names a <c>Wechatpay-Serial</c> the merchant was never given.</summary>
    UnknownSerial,

    /// <summary>The answer carries no <c>Wechatpay-*</c> signature headers.</summary>
    NoSignatureHeaders,

    /// <summary>HTTP 500 <c>SYSTEM_ERROR</c> instead of an answer.</summary>
    ServerError,

    /// <summary>HTTP 429 <c>FREQUENCY_LIMITED</c> instead of an answer.</summary>
    TooManyRequests,

    /// <summary>The answer comes after <see cref="FaultInjector.SlowAnswerDelay"/>.</summary>
    SlowAnswer,

    /// <summary>
    /// The connection is reset after the request is read, with no answer: RST, as from a crashed peer or a middlebox
    /// dropping state. The client's read fails at once. See <see cref="CloseConnection"/> for the graceful close.
    /// </summary>
    DropConnection,

    /// <summary>The answer's signature is the platform's <c>WECHATPAY/SIGNTEST/</c> probe, which must be refused.</summary>
    SignatureProbe,

    /// <summary>A downloaded file (bill, statement) arrives with one byte changed after its digest was taken.</summary>
    TamperedDownload,

    /// <summary>
    /// The connection is closed gracefully after the request is read, with no answer: FIN (a shutdown of the sending
    /// side, without TLS close_notify), as from a server or load balancer ending a kept-alive connection. The client's
    /// read meets the end of the stream, the case in which .NET's connection pool would re-send a request without a
    /// body. The socket is closed once the client has closed its side. See <see cref="DropConnection"/> for the reset.
    /// </summary>
    CloseConnection,
}
