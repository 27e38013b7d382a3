using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>
/// Every v3 seed call in the three styles, sync and async, over real HTTP against the fake platform, in both of its
/// signing modes: the platform accepts what the library signs, and the library accepts what the platform signs.
/// </summary>
[TestFixture(SigningMode.PublicKey)]
[TestFixture(SigningMode.PlatformCertificate)]
public class SeedCallTests(SigningMode mode)
{
    private FakePlatform _platform = null!;
    private dynamic _wx = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync(new FakePlatformOptions { SigningMode = mode });
        _wx = Builder.Factory(_platform.ClientOptions());
    }

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    public static IEnumerable<TestCaseData> Styles()
    {
        yield return new TestCaseData(new Style("member chain, async", (wx, path, o) => Member(wx, path).PostAsync(o), (wx, path, o) => Member(wx, path).GetAsync(o))).SetArgDisplayNames("member chain, async");
        yield return new TestCaseData(new Style("member chain, sync", (wx, path, o) => Task.FromResult<WeChatPayResponse>(Member(wx, path).Post(o)), (wx, path, o) => Task.FromResult<WeChatPayResponse>(Member(wx, path).Get(o)))).SetArgDisplayNames("member chain, sync");
        yield return new TestCaseData(new Style("Chain(), async", (wx, path, o) => wx.Chain(path).PostAsync(o), (wx, path, o) => wx.Chain(path).GetAsync(o))).SetArgDisplayNames("Chain(), async");
        yield return new TestCaseData(new Style("Chain(), sync", (wx, path, o) => Task.FromResult<WeChatPayResponse>(wx.Chain(path).Post(o)), (wx, path, o) => Task.FromResult<WeChatPayResponse>(wx.Chain(path).Get(o)))).SetArgDisplayNames("Chain(), sync");
        yield return new TestCaseData(new Style("indexer, async", (wx, path, o) => wx[path].PostAsync(o), (wx, path, o) => wx[path].GetAsync(o))).SetArgDisplayNames("indexer, async");
        yield return new TestCaseData(new Style("indexer, sync", (wx, path, o) => Task.FromResult<WeChatPayResponse>(wx[path].Post(o)), (wx, path, o) => Task.FromResult<WeChatPayResponse>(wx[path].Get(o)))).SetArgDisplayNames("indexer, sync");
    }

    [TestCaseSource(nameof(Styles))]
    public async Task Ecommerce_return_is_requested_then_queried_to_success(Style style)
    {
        var number = "R" + Guid.NewGuid().ToString("N")[..16];
        WeChatPayResponse created = await style.Post(_wx, "v3/ecommerce/profitsharing/returnorders", new
        {
            json = new { sub_mchid = "1900000109", order_id = "3008450740201411110007820472", out_order_no = "", out_return_no = number, return_mchid = "86693852", amount = 1, description = "分账回退" },
        });
        Assert.That((string)created.Data!.result, Is.EqualTo("PROCESSING"));
        Assert.That((string)created.Data.return_no, Does.Match("^[0-9]{28}$"));

        WeChatPayResponse queried = await style.Get(_wx, "v3/ecommerce/profitsharing/returnorders", new
        {
            query = new { sub_mchid = "1900000109", out_order_no = "P20150806125346", out_return_no = number },
        });
        Assert.That((string)queried.Data!.result, Is.EqualTo("SUCCESS"));
        Assert.That((long)queried.Data.amount, Is.EqualTo(1));
        Assert.That((string)queried.Data.finish_time, Does.EndWith("+08:00"));
        Assert.That(queried.Header("Wechatpay-Serial"), Is.EqualTo(mode == SigningMode.PublicKey ? _platform.Credentials.PublicKeyId : _platform.Credentials.PlatformSerial));
    }

    [TestCaseSource(nameof(Styles))]
    public async Task Direct_return_is_requested_then_queried_by_its_number(Style style)
    {
        var number = "R" + Guid.NewGuid().ToString("N")[..16];
        WeChatPayResponse created = await style.Post(_wx, "v3/profitsharing/return-orders", new
        {
            json = new { order_id = "3008450740201411110007820472", out_return_no = number, return_mchid = "86693852", amount = 1, description = "用户退款" },
        });
        Assert.That((string)created.Data!.return_id, Is.Not.Empty);
        Assert.That((string)created.Data.create_time, Does.EndWith("+08:00"));

        WeChatPayResponse queried = await style.Get(_wx, "v3/profitsharing/return-orders/{out_return_no}", new
        {
            out_return_no = number,
            query = new { out_order_no = "P20150806125346" },
        });
        Assert.That((string)queried.Data!.result, Is.EqualTo("SUCCESS"));
        Assert.That((string)queried.Data.description, Is.EqualTo("用户退款"));
    }

    /// <summary>The member chain for a literal path: <c>v3/profitsharing/return-orders/{out_return_no}</c> → <c>wx.V3.Profitsharing.ReturnOrders._out_return_no_</c>.</summary>
    private static dynamic Member(dynamic wx, string path) => path switch
    {
        "v3/ecommerce/profitsharing/returnorders" => wx.V3.Ecommerce.Profitsharing.Returnorders,
        "v3/profitsharing/return-orders" => wx.V3.Profitsharing.ReturnOrders,
        "v3/profitsharing/return-orders/{out_return_no}" => wx.V3.Profitsharing.ReturnOrders._out_return_no_,
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    /// <summary>One of the six ways to write a call: a style and sync or async.</summary>
    public sealed record Style(string Name, Func<dynamic, string, object, Task<WeChatPayResponse>> Post, Func<dynamic, string, object, Task<WeChatPayResponse>> Get)
    {
        public override string ToString() => Name;
    }
}
