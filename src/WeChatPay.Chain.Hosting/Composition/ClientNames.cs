namespace WeChatPay.Chain.Hosting.Composition;

/// <summary>The names of a merchant's <c>IHttpClientFactory</c> clients: <c>WeChatPay:{merchant}:{kind}</c>.</summary>
internal static class ClientNames
{
    /// <summary>The prefix every client name starts with.</summary>
    public const string Prefix = "WeChatPay:";

    /// <summary>The client of <paramref name="merchant"/> for <paramref name="kind"/>.</summary>
    /// <param name="merchant">The merchant's name; empty for the default one.</param>
    /// <param name="kind">Which client.</param>
    public static string For(string merchant, HttpClientKind kind) => $"{Prefix}{merchant}:{kind}";

    /// <summary>Every kind of client a merchant has.</summary>
    public static IReadOnlyList<HttpClientKind> Kinds { get; } = [HttpClientKind.ApiV3, HttpClientKind.ApiV2, HttpClientKind.ApiV2WithCertificate];
}
