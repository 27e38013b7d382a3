using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>One fake platform per test class, and an instance built from its client options.</summary>
public abstract class PlatformFixture
{
    protected FakePlatform Platform { get; private set; } = null!;

    protected IChainNode Wx { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartPlatform()
    {
        Platform = await FakePlatform.StartAsync();
        Wx = Builder.Factory(Platform.ClientOptions());
    }

    [OneTimeTearDown]
    public async Task StopPlatform() => await Platform.DisposeAsync();
}
