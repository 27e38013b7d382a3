namespace WeChatPay.Chain.Transport;

/// <summary>
/// The server had already closed the connection when a request was about to be written on it, so not one byte of
/// the request was sent: it provably did not reach the server. <see cref="Transmission.NothingWasSent"/> finds it
/// under the exceptions that wrap it.
/// </summary>
internal sealed class ConnectionClosedBeforeSendException()
    : IOException("The server had closed the connection before the request was written on it; nothing was sent.");
