using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Responses;

/// <summary>
/// What LINQPad shows for a response or an error: it calls <c>ToDump()</c> by name and draws the object it returns,
/// member by member, as these tests read it.
/// </summary>
[NonParallelizable]
public class ToDumpTests
{
    private FakePlatform _platform = null!;
    private IChainNode _wx = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _wx = Builder.Factory(_platform.ClientOptions());
    }

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private static Dictionary<string, object?> Shown(object dump) =>
        dump.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(dump));

    [Test]
    public async Task A_response_shows_status_request_id_verified_and_its_data_as_tables()
    {
        var res = await _wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}").GetAsync(new { out_trade_no = "T1", query = new { mchid = _platform.Credentials.Mchid } });

        var shown = Shown(res.ToDump());
        Assert.That(shown["Status"], Is.EqualTo("200 OK"));
        Assert.That(shown["Request"], Is.EqualTo($"GET /v3/pay/transactions/out-trade-no/T1?mchid={_platform.Credentials.Mchid}"));
        Assert.That(shown["RequestId"], Is.EqualTo(res.RequestId).And.Not.Null);
        Assert.That(shown["Verified"], Is.True);
        var data = shown["Data"] as IDictionary<string, object?>;
        Assert.That(data, Is.Not.Null, "the data is a table, not a JToken");
        Assert.That(data!["out_trade_no"], Is.EqualTo("T1"));
        Assert.That(data["amount"], Is.InstanceOf<IDictionary<string, object?>>(), "nested objects are nested tables");
    }

    [Test]
    public async Task An_apiv2_response_shows_its_fields()
    {
        var res = await _wx.Chain("v2/pay/orderquery").PostAsync(new { xml = new { appid = "wxd930ea5d5a258f4f", mch_id = _platform.Credentials.Mchid, out_trade_no = "20150806125346" } });

        var shown = Shown(res.ToDump());
        Assert.That(shown["Verified"], Is.True);
        Assert.That(((IDictionary<string, object?>)shown["Data"]!)["return_code"], Is.EqualTo("SUCCESS"));
    }

    [Test]
    public void An_error_shows_its_kind_code_status_request_id_and_data()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => _wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}").GetAsync(new { out_trade_no = "T1" }));

        var shown = Shown(error!.ToDump());
        Assert.That(shown["Error"], Is.EqualTo(nameof(WeChatPayApiException)));
        Assert.That(shown["Code"], Is.EqualTo("PARAM_ERROR"));
        Assert.That(shown["Status"], Is.EqualTo(400));
        Assert.That(shown["RequestId"], Is.EqualTo(error.RequestId).And.Not.Null);
        Assert.That(shown["Verified"], Is.True);
        Assert.That(shown["Message"], Is.EqualTo(error.Message));
        Assert.That(((IDictionary<string, object?>)shown["Data"]!)["code"], Is.EqualTo("PARAM_ERROR"));
    }

    [Test]
    public void An_apiv2_business_failure_shows_its_err_code()
    {
        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => _wx.Chain("v2/pay/orderquery").PostAsync(new { xml = new { appid = "wxd930ea5d5a258f4f", mch_id = _platform.Credentials.Mchid, out_trade_no = "NO-SUCH" } }));

        var shown = Shown(error!.ToDump());
        Assert.That(shown["Code"], Is.EqualTo("ORDERNOTEXIST"));
        Assert.That(shown["Verified"], Is.EqualTo(error.IsVerified));
    }

    [Test]
    public async Task A_response_taken_without_the_verifier_shows_it_unverified()
    {
        var options = _platform.ClientOptions();
        options.Pipeline = p => p.Remove("verifier");
        var res = await Builder.Factory(options).Chain("v3/pay/transactions/out-trade-no/{out_trade_no}").GetAsync(new { out_trade_no = "T1", query = new { mchid = _platform.Credentials.Mchid } });

        Assert.That(res.IsVerified, Is.False);
        Assert.That(Shown(res.ToDump())["Verified"], Is.False);
    }
}
