using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Errors;

/// <summary>
/// A 404 for a path WeChat Pay does not document says so, naming the nearest catalogued paths as the chain would
/// write them; a 404 for a catalogued path (no such order) reads as before.
/// </summary>
public class NotCataloguedTests : PlatformFixture
{
    private const string Order = "1217752501201407033233368018";

    private dynamic Chain => Wx;

    [Test]
    public void Names_the_nearest_path_for_a_misspelt_member()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => (Task)Chain.V3.Pay.Transaction.OutTradeNo._out_trade_no_
            .GetAsync(new { out_trade_no = Order, query = new { mchid = "1900000109" } }));

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(error.Message, Does.Contain(
            " v3/pay/transaction/out-trade-no/{out_trade_no} (the path as the chain built it) is not in the WeChat Pay catalogue; did you mean "
            + "v3/pay/transactions/out-trade-no/{out_trade_no} (wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_)"));
        Assert.That(error.Suggestions[0], Is.EqualTo("v3/pay/transactions/out-trade-no/{out_trade_no}"));
    }

    [Test]
    public void Shows_how_the_chain_normalised_a_member_in_capitals()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => (Task)Chain.V3.Pay.Transactions.OutTradeNO._out_trade_no_
            .GetAsync(new { out_trade_no = Order, query = new { mchid = "1900000109" } }));

        Assert.That(error!.Message, Does.Contain(" v3/pay/transactions/out-trade-n-o/{out_trade_no} (the path as the chain built it) is not in the WeChat Pay catalogue; did you mean v3/pay/transactions/out-trade-no/{out_trade_no} (wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_)"));
        Assert.That(error.Suggestions, Does.Contain("v3/pay/transactions/out-trade-no/{out_trade_no}"));
    }

    [Test]
    public void Names_the_methods_a_catalogued_path_has()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}")
            .PostAsync(new { out_trade_no = Order, json = new { mchid = "1900000109" } }));

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(error.Message, Does.EndWith(" The WeChat Pay catalogue has v3/pay/transactions/out-trade-no/{out_trade_no} for GET, not POST."));
        Assert.That(error.Suggestions, Is.Empty);
    }

    [Test]
    public void Leaves_the_message_of_a_404_on_a_catalogued_path_as_it_was()
    {
        const string body = """{"code":"ORDER_NOT_EXIST","message":"订单不存在"}""";
        var time = new FixedTime();
        IChainNode wx = Builder.Factory(TestKeys.Options(time));
        using var http = new HttpTest();
        http.RespondWith(body, 404, Support.Platform.SignatureHeaders(body, time.UnixSeconds), replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => wx.Chain("v3/pay/transactions/out-trade-no/T1").GetAsync(new { query = new { mchid = "1900000109" } }));

        Assert.That(error!.Message, Is.EqualTo($"GET /v3/pay/transactions/out-trade-no/T1 failed with HTTP 404 ORDER_NOT_EXIST: 订单不存在 (Request-ID {error.RequestId})."));
        Assert.That(error.Suggestions, Is.Empty);
    }

    [Test]
    public void Says_nothing_of_the_catalogue_for_other_statuses()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"code":"PARAM_ERROR","message":"x"}""", 400);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain("v3/pay/transaction/native").PostAsync(new { json = new { } }));

        Assert.That(error!.Message, Does.Not.Contain("catalogue"));
        Assert.That(error.Suggestions, Is.Empty);
    }

    [Test]
    public void Names_the_nearest_apiv2_path_after_an_http_404()
    {
        dynamic wx = Builder.Factory(V2.Options());
        using var http = new HttpTest();
        http.RespondWith("<html><body><h1>404 Not Found</h1></body></html>", 404);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => (Task)wx.V2.Pay.Micropays.PostAsync(new { xml = new { mch_id = "10000100" } }));

        Assert.That(error!.Message, Does.Contain(" v2/pay/micropays (the path as the chain built it) is not in the WeChat Pay catalogue; did you mean v2/pay/micropay (wx.V2.Pay.Micropay)"));
    }

    [Test]
    public void Spells_a_suggestion_that_has_no_member_form_with_chain()
    {
        dynamic wx = Builder.Factory(V2.Options());
        using var http = new HttpTest();
        http.RespondWith("<html><body><h1>404 Not Found</h1></body></html>", 404);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => (Task)wx.V2.Mmpaysptrans.PayBank.PostAsync(new { xml = new { mch_id = "10000100" } }));

        Assert.That(error!.Message, Does.Contain("v2/mmpaysptrans/pay-bank (the path as the chain built it) is not in the WeChat Pay catalogue; did you mean v2/mmpaysptrans/pay_bank (wx.Chain(\"v2/mmpaysptrans/pay_bank\"))"));
    }
}
