namespace WeChatPay.Chain.Hosting.Http;

/// <summary>
/// The handler under a merchant's Flurl client: each request goes through the handler chain <c>IHttpClientFactory</c>
/// has for the named client now, so the factory rotates handlers (and DNS) while the chain root lives for the process.
/// </summary>
internal sealed class FactoryHandler(IHttpMessageHandlerFactory factory, string name) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        new HttpMessageInvoker(factory.CreateHandler(name), disposeHandler: false).SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        new HttpMessageInvoker(factory.CreateHandler(name), disposeHandler: false).Send(request, cancellationToken);
}
