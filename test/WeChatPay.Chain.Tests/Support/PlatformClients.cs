using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Support;

internal static class PlatformClients
{
    /// <summary>An instance of the platform's own client options, changed first by <paramref name="change"/>.</summary>
    public static IChainNode Client(this FakePlatform platform, Action<BuilderOptions>? change = null)
    {
        var options = platform.ClientOptions();
        change?.Invoke(options);
        return Builder.Factory(options);
    }
}
