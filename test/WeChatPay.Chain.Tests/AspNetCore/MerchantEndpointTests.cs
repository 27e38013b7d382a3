using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.AspNetCore;

/// <summary>Two merchants, each a keyed IChainNode, each with its notify URL, each with its own platform keys.</summary>
public class MerchantEndpointTests
{
    private FakePlatform _shopA = null!;
    private FakePlatform _shopB = null!;
    private NotifyHost _host = null!;
    private readonly List<(string Endpoint, string OutTradeNo)> _handled = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _shopA = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = "1900000109" });
        _shopB = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = "1900000110" });
        _host = await NotifyHost.StartAsync(
            services => services
                .AddKeyedSingleton<IChainNode>("shop-a", Builder.Factory(_shopA.ClientOptions()))
                .AddKeyedSingleton<IChainNode>("shop-b", Builder.Factory(_shopB.ClientOptions())),
            app =>
            {
                app.MapWeChatPayNotifications("/notify/a", new() { Merchant = "shop-a" }, (notice, _) => Handle("a", notice));
                app.MapWeChatPayNotifications("/notify/b", new() { Merchant = "shop-b" }, (notice, _) => Handle("b", notice));
            });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _shopA.DisposeAsync();
        await _shopB.DisposeAsync();
    }

    [SetUp]
    public void Forget() => _handled.Clear();

    [TestCase("a")]
    [TestCase("b")]
    public async Task Each_endpoint_takes_its_own_merchants_notification(string shop)
    {
        var platform = shop == "a" ? _shopA : _shopB;
        using var answer = await platform.Notifications.Create("TRANSACTION.SUCCESS", new { mchid = platform.Credentials.Mchid, out_trade_no = "T-" + shop }).PostAsync(_host.Endpoint("/notify/" + shop));
        Assert.That((int)answer.StatusCode, Is.EqualTo(204));
        Assert.That(_handled, Is.EqualTo(new[] { (shop, "T-" + shop) }));
    }

    [TestCase("a", "b")]
    [TestCase("b", "a")]
    public async Task Each_endpoint_refuses_the_other_merchants_notification(string from, string to)
    {
        var platform = from == "a" ? _shopA : _shopB;
        using var answer = await platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T-" + from }).PostAsync(_host.Endpoint("/notify/" + to));
        Assert.That((int)answer.StatusCode, Is.EqualTo(401));
        Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo("""{"code":"FAIL","message":"UnknownSerial"}"""));
        Assert.That(_handled, Is.Empty);
    }

    private Task Handle(string endpoint, Notice notice)
    {
        lock (_handled)
        {
            _handled.Add((endpoint, (string)notice.Data.out_trade_no));
        }

        return Task.CompletedTask;
    }
}
