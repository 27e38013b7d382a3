namespace WeChatPay.Chain;

/// <summary>Why a notification was not accepted.</summary>
public enum NotificationRejection
{
    /// <summary>One or more of the four <c>Wechatpay-*</c> headers is missing.</summary>
    HeadersMissing,

    /// <summary><c>Wechatpay-Timestamp</c> is not unix seconds, or is more than 300 s from now.</summary>
    Timestamp,

    /// <summary><c>Wechatpay-Serial</c> names no configured key.</summary>
    UnknownSerial,

    /// <summary>The signature is the platform's <c>WECHATPAY/SIGNTEST/</c> probe, which is never a real notification.</summary>
    SignatureProbe,

    /// <summary>The signature does not verify over the body.</summary>
    BadSignature,

    /// <summary>The body is not the notification JSON (or XML for APIv2), or names another merchant.</summary>
    Malformed,

    /// <summary>The resource does not decrypt with the APIv3 (or APIv2) key: the key is wrong, or the data altered.</summary>
    Undecryptable,

    /// <summary>One of the four <c>Wechatpay-*</c> headers came more than once.</summary>
    DuplicateHeader,
}

/// <summary>
/// A notification that must not be acted on: answer the platform with an error status (it will retry) and do not
/// trust the content. <see cref="Reason"/> says which check failed; the message never quotes a key.
/// </summary>
public sealed class NotificationRejectedException : Exception
{
    internal NotificationRejectedException(NotificationRejection reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Which check failed.</summary>
    public NotificationRejection Reason { get; }
}
