using WeChatPay.Chain.Transport;

namespace WeChatPay.Chain;

/// <summary>
/// The transports the library builds, for hosts that assemble the handler chains themselves (through
/// <see cref="BuilderOptions.HttpMessageHandlerFactory"/>, as the hosting package does with <c>IHttpClientFactory</c>).
/// </summary>
public static class HttpHandlers
{
    /// <summary>
    /// The transport for one kind of client, as <see cref="Builder.Factory"/> would build it: a pooled
    /// <see cref="SocketsHttpHandler"/> that never re-sends a request on its own, trusting
    /// <see cref="BuilderOptions.TrustedRoots"/> when set, presenting the merchant certificate for
    /// <see cref="HttpClientKind.ApiV2WithCertificate"/>. Put a <see cref="ResigningHandler"/> right above it.
    /// </summary>
    /// <param name="options">The merchant's options (<see cref="BuilderOptions.Mchid"/>, <see cref="BuilderOptions.Merchant"/>, <see cref="BuilderOptions.TrustedRoots"/>).</param>
    /// <param name="kind">Which client it is for.</param>
    /// <exception cref="ArgumentException">The merchant certificate is needed and missing or cannot be loaded (named, never quoted).</exception>
    public static SocketsHttpHandler CreatePrimary(BuilderOptions options, HttpClientKind kind)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = kind == HttpClientKind.ApiV2WithCertificate
            ? Builder.MerchantCertificate(options.Merchant ?? throw new ArgumentException("The certificate client needs Merchant, the merchant API certificate.", nameof(BuilderOptions.Merchant)), OptionsCheck.Run(options).Mchid)
            : null;
        return Handlers.Primary(new BuilderOptions { TrustedRoots = options.TrustedRoots }, certificate);
    }
}
