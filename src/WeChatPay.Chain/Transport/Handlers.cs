using System.Security.Cryptography.X509Certificates;

namespace WeChatPay.Chain.Transport;

/// <summary>
/// The HTTP handlers under the library's Flurl clients: each transport guarded so its pool sends a request once, with
/// a <see cref="ResigningHandler"/> innermost above it, so a retry made by any handler above signs afresh.
/// </summary>
internal static class Handlers
{
    /// <summary>
    /// The handler for one Flurl client: <see cref="BuilderOptions.HttpMessageHandler"/> when given (and no client
    /// certificate is needed), else a pooled <see cref="SocketsHttpHandler"/> of the library's own, presenting
    /// <paramref name="clientCertificate"/> when given and trusting <see cref="BuilderOptions.TrustedRoots"/> when set;
    /// either way with a <see cref="ResigningHandler"/> just above the transport.
    /// </summary>
    public static HttpMessageHandler For(BuilderOptions options, X509Certificate2? clientCertificate)
    {
        if (options.HttpMessageHandler is { } given && clientCertificate is null)
        {
            return Resigning(Guarded(given, options));
        }

        return new ResigningHandler(Primary(options, clientCertificate));
    }

    /// <summary>The library's own transport: a guarded, pooled <see cref="SocketsHttpHandler"/>.</summary>
    public static SocketsHttpHandler Primary(BuilderOptions options, X509Certificate2? clientCertificate)
    {
        if (options.HttpMessageHandler is not null && options.TrustedRoots is { Count: > 0 })
        {
            throw TrustedRootsIgnored();
        }

        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        if (options.TrustedRoots is { Count: > 0 } roots)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => ServerTrust.TrustedBy(roots, certificate, errors);
        }

        SendOnceGuard.Install(handler);
        return handler;
    }

    /// <summary>
    /// <paramref name="given"/> with a <see cref="ResigningHandler"/> spliced in just above its transport (under any
    /// <see cref="DelegatingHandler"/>s of the caller's, so their retries are signed afresh too), once.
    /// </summary>
    private static HttpMessageHandler Resigning(HttpMessageHandler given)
    {
        if (given is not DelegatingHandler outer)
        {
            return new ResigningHandler(given);
        }

        var parent = outer;
        while (parent.InnerHandler is DelegatingHandler { InnerHandler: not null } inner)
        {
            parent = inner;
        }

        if (parent is ResigningHandler || parent.InnerHandler is ResigningHandler)
        {
            return given;
        }

        try
        {
            parent.InnerHandler = new ResigningHandler(parent.InnerHandler ?? throw new ArgumentException("HttpMessageHandler is a DelegatingHandler without an inner handler.", nameof(BuilderOptions.HttpMessageHandler)));
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException("HttpMessageHandler has already sent requests, so the library cannot put its re-signing handler above its transport: give a handler before its first request.", nameof(BuilderOptions.HttpMessageHandler), e);
        }

        return given;
    }

    /// <summary>
    /// The caller's handler, its <see cref="SocketsHttpHandler"/> (under any <see cref="DelegatingHandler"/>s) given
    /// the guard. One that has started sending can no longer take it, and an <see cref="HttpClientHandler"/> hides its
    /// own; both are refused, as their pool would re-send. A handler of any other kind is its own transport.
    /// </summary>
    private static HttpMessageHandler Guarded(HttpMessageHandler given, BuilderOptions options)
    {
        if (options.TrustedRoots is { Count: > 0 })
        {
            throw TrustedRootsIgnored();
        }

        var innermost = given;
        while (innermost is DelegatingHandler { InnerHandler: { } inner })
        {
            innermost = inner;
        }

        switch (innermost)
        {
            case SocketsHttpHandler sockets:
                try
                {
                    SendOnceGuard.Install(sockets);
                }
                catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
                {
                    throw new ArgumentException(
                        "HttpMessageHandler has already sent requests (or is disposed), so it can no longer be kept from re-sending a signed request on its own: give a SocketsHttpHandler before its first request, or leave HttpMessageHandler unset.",
                        nameof(BuilderOptions.HttpMessageHandler),
                        e);
                }

                return given;
            case HttpClientHandler:
                throw new ArgumentException(
                    "HttpMessageHandler is an HttpClientHandler, whose hidden connection pool re-sends a request, signature and all, when the server closes the connection without answering, and cannot be kept from it: give a SocketsHttpHandler (it has the same settings) instead.",
                    nameof(BuilderOptions.HttpMessageHandler));
            default:
                return given;
        }
    }

    private static ArgumentException TrustedRootsIgnored() => new(
        "TrustedRoots cannot be combined with HttpMessageHandler: the given handler checks the server's certificate itself, so TrustedRoots would be ignored. Trust the authority in that handler (SslOptions.RemoteCertificateValidationCallback), or leave HttpMessageHandler unset.",
        nameof(BuilderOptions.TrustedRoots));
}
