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

    /// <summary>The connection is dropped after the request is read, with no answer.</summary>
    DropConnection,

    /// <summary>The answer's signature is the platform's <c>WECHATPAY/SIGNTEST/</c> probe, which must be refused.</summary>
    SignatureProbe,

    /// <summary>A downloaded file (bill, statement) arrives with one byte changed after its digest was taken.</summary>
    TamperedDownload,
}
