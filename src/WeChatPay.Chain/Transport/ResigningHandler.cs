using WeChatPay.Chain.Transport;

namespace WeChatPay.Chain;

/// <summary>
/// Signs every retry of a WeChat Pay request afresh. The first attempt is signed by the pipeline's <c>signer</c>, in
/// Flurl's <c>BeforeCall</c>, so <c>HttpTest</c> and interceptors see it signed; each time the same request comes
/// through this handler again (a retrying handler above it: Polly, <c>Microsoft.Extensions.Http.Resilience</c>, your
/// own), it gets a new timestamp, nonce and signature here. So every attempt on the wire is signed exactly once, and no
/// retry can replay a signature. It must be the innermost handler, just above the transport: <see cref="Builder.Factory"/>
/// puts it there in the handlers it builds, the hosting package in <c>IHttpClientFactory</c>'s. A request the library
/// did not make passes unchanged; a retry of one signed by a signer of your own, which this handler cannot redo, is
/// refused rather than sent with a stale signature.
/// </summary>
public sealed class ResigningHandler : DelegatingHandler
{
    /// <summary>A handler whose inner handler is set later (as <c>IHttpClientFactory</c> does).</summary>
    public ResigningHandler()
    {
    }

    /// <summary>A handler over <paramref name="innerHandler"/>.</summary>
    /// <param name="innerHandler">The transport.</param>
    public ResigningHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prepare(request);
        return base.Send(request, cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prepare(request);
        return base.SendAsync(request, cancellationToken);
    }

    private static void Prepare(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(Attempts.Key, out var attempts) || attempts.Next() == 1)
        {
            return;
        }

        var resign = attempts.Resign ?? throw new InvalidOperationException(
            "A handler above ResigningHandler is retrying a request signed by a signer of your own, which cannot be signed again here; it is not sent with the first attempt's signature. Retry the call instead, or use the built-in signer.");
        resign(request);
    }
}
