using System.Security.Cryptography.X509Certificates;

namespace WeChatPay.Chain.Transport;

/// <summary>The HTTP handlers under the library's Flurl clients, each guarded so its pool sends a request once.</summary>
internal static class Handlers
{
    /// <summary>
    /// The handler for one Flurl client: <see cref="BuilderOptions.HttpMessageHandler"/> when given (and no client
    /// certificate is needed), else a pooled <see cref="SocketsHttpHandler"/> of the library's own, presenting
    /// <paramref name="clientCertificate"/> when given and trusting <see cref="BuilderOptions.TrustedRoots"/> when set.
    /// </summary>
    public static HttpMessageHandler For(BuilderOptions options, X509Certificate2? clientCertificate)
    {
        if (options.HttpMessageHandler is { } given)
        {
            if (options.TrustedRoots is { Count: > 0 })
            {
                throw new ArgumentException(
                    "TrustedRoots cannot be combined with HttpMessageHandler: the given handler checks the server's certificate itself, so TrustedRoots would be ignored. Trust the authority in that handler (SslOptions.RemoteCertificateValidationCallback), or leave HttpMessageHandler unset.",
                    nameof(BuilderOptions.TrustedRoots));
            }

            if (clientCertificate is null)
            {
                return Guarded(given);
            }
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
    /// The caller's handler, its <see cref="SocketsHttpHandler"/> (under any <see cref="DelegatingHandler"/>s) given
    /// the guard. One that has started sending can no longer take it, and an <see cref="HttpClientHandler"/> hides its
    /// own; both are refused, as their pool would re-send. A handler of any other kind is its own transport.
    /// </summary>
    private static HttpMessageHandler Guarded(HttpMessageHandler given)
    {
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
}
