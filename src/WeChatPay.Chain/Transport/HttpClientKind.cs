namespace WeChatPay.Chain;

/// <summary>The HTTP clients of one instance, each with a handler of its own (see <see cref="BuilderOptions.HttpMessageHandlerFactory"/>).</summary>
public enum HttpClientKind
{
    /// <summary>APIv3 calls.</summary>
    ApiV3,

    /// <summary>APIv2 calls without the merchant certificate.</summary>
    ApiV2,

    /// <summary>APIv2 calls with the merchant certificate (mutual TLS): <c>security = true</c> and the operations that require it.</summary>
    ApiV2WithCertificate,
}
