using Microsoft.Extensions.Logging;

namespace WeChatPay.Chain.AspNetCore;

/// <summary>What the notification endpoints log. Nothing here takes a notification's decrypted content.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Refused a WeChat Pay notification at {Path}: {Reason}. {Detail}")]
    public static partial void Refused(ILogger logger, string path, NotificationRejection reason, string detail);

    [LoggerMessage(2, LogLevel.Warning, "Refused a WeChat Pay notification at {Path}: its body is larger than {MaxBodySize} bytes (WeChatPayNotificationOptions.MaxBodySize).")]
    public static partial void TooLarge(ILogger logger, string path, long maxBodySize);

    [LoggerMessage(3, LogLevel.Error, "The WeChat Pay notification endpoint at {Path} cannot verify notifications: its merchant is not registered or lacks the APIv3 (or APIv2) keys.")]
    public static partial void Unconfigured(ILogger logger, Exception exception, string path);

    [LoggerMessage(4, LogLevel.Error, "Handling WeChat Pay notification {Notice} at {Path} failed; answered 500, so the platform delivers it again.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string notice, string path);
}
