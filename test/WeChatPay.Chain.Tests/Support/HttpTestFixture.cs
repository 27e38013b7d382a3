using Flurl.Http;
using Flurl.Http.Testing;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>A fresh instance on a fixed clock, with Flurl's <see cref="HttpTest"/> in place of the network, per test.</summary>
public abstract class HttpTestFixture
{
    internal FixedTime Time { get; private set; } = null!;

    protected dynamic Wx { get; private set; } = null!;

    protected HttpTest Http { get; private set; } = null!;

    /// <summary>The one call the test made.</summary>
    protected FlurlCall Sent => Http.CallLog.Single();

    [SetUp]
    public void StartHttpTest()
    {
        Time = new FixedTime();
        Wx = Builder.Factory(TestKeys.Options(Time));
        Http = new HttpTest();
    }

    [TearDown]
    public void StopHttpTest() => Http.Dispose();
}
