namespace WeChatPay.Chain.Transport;

/// <summary>
/// The <see cref="SocketsHttpHandler.PlaintextStreamFilter"/> that puts a <see cref="SendOnceStream"/> on every
/// HTTP/1.x connection of a handler, over whatever filter the handler had. It sees the plaintext of HTTPS too.
/// </summary>
internal sealed class SendOnceGuard
{
    private readonly Func<SocketsHttpPlaintextStreamFilterContext, CancellationToken, ValueTask<Stream>>? _inner;

    private SendOnceGuard(Func<SocketsHttpPlaintextStreamFilterContext, CancellationToken, ValueTask<Stream>>? inner) => _inner = inner;

    /// <summary>Whether <paramref name="handler"/> already has the guard.</summary>
    public static bool IsOn(SocketsHttpHandler handler) => handler.PlaintextStreamFilter?.Target is SendOnceGuard;

    /// <summary>
    /// Puts the guard on <paramref name="handler"/>, once, around its own filter if it has one. A handler that has
    /// started sending refuses (<see cref="InvalidOperationException"/>) unless it has the guard already.
    /// </summary>
    public static void Install(SocketsHttpHandler handler)
    {
        if (!IsOn(handler))
        {
            handler.PlaintextStreamFilter = new SendOnceGuard(handler.PlaintextStreamFilter).FilterAsync;
        }
    }

    private async ValueTask<Stream> FilterAsync(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        var stream = _inner is null ? context.PlaintextStream : await _inner(context, cancellationToken).ConfigureAwait(false);

        // The re-send it stops is HTTP/1.x's; HTTP/2 multiplexes requests on a connection and retries by other rules.
        return context.NegotiatedHttpVersion.Major == 1 ? new SendOnceStream(stream) : stream;
    }
}
