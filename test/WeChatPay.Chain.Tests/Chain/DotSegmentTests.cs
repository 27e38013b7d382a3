using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Chain;

/// <summary>
/// The path a call builds is the path it signs and sends: a placeholder or literal segment that System.Uri would
/// resolve or rewrite (<c>..</c>, <c>%2e</c>, <c>%41</c>, <c>?</c>, <c>#</c>) is refused before anything is sent,
/// instead of moving a signed call to another API.
/// </summary>
public class DotSegmentTests
{
    [TestCase("..")]
    [TestCase(".")]
    public async Task Rejects_a_placeholder_value_that_is_a_dot_segment(string value)
    {
        // Sent, ".." made this POST /v3/pay/transactions/close, signed for that path.
        var error = await Refusal.Of(wx => wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}/close").PostAsync(new { out_trade_no = value, json = new { mchid = "1900000109" } }));

        Assert.That(error.ParamName, Is.EqualTo("out_trade_no"));
        Assert.That(error.Message, Does.Contain("{out_trade_no}").And.Contain("dot segment"));
    }

    [Test]
    public async Task Rejects_a_dot_dot_placeholder_on_a_get_too()
    {
        // Sent, this was GET /v3/profitsharing/ (the return-orders segment resolved away).
        var error = await Refusal.Of(wx => wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "..", query = new { out_order_no = "P1" } }));

        Assert.That(error.ParamName, Is.EqualTo("out_return_no"));
    }

    [Test]
    public async Task Rejects_placeholders_that_together_make_a_dot_segment()
    {
        var error = await Refusal.Of(wx => wx.Chain("v3/foo/{a}{b}/bar").GetAsync(new { a = ".", b = "." }));

        Assert.That(error.ParamName, Is.EqualTo("a"));
    }

    [Test]
    public async Task Rejects_a_placeholder_that_completes_a_dot_segment_with_literal_text()
    {
        var error = await Refusal.Of(wx => wx.Chain("v3/foo/.{a}/bar").GetAsync(new { a = "." }));

        Assert.That(error.ParamName, Is.EqualTo("a"));
    }

    [TestCase("v3/../refund/domestic/refunds", "is a dot segment")]
    [TestCase("v3/pay/./transactions", "is a dot segment")]
    [TestCase("v3/%2e%2e/refund", "is a dot segment")]
    [TestCase("v3/.%2E/refund", "is a dot segment")]
    [TestCase("v3/%2E/refund", "is a dot segment")]
    [TestCase("v3/%41bc", "would be sent as \"Abc\"")]
    [TestCase("v3/%e4%b8%ad", "would be sent as \"%E4%B8%AD\"")]
    [TestCase("v3/foo?bar=1", "holds '?'")]
    [TestCase("v3/foo#bar", "holds '#'")]
    public async Task Rejects_a_literal_segment_that_would_not_be_sent_as_written(string path, string why)
    {
        var error = await Refusal.Of(wx => wx.Chain(path).PostAsync(new { json = new { a = 1 } }));

        Assert.That(error.ParamName, Is.EqualTo("segments"));
        Assert.That(error.Message, Does.Contain(why));
    }

    [Test]
    public void Rejects_a_literal_dot_segment_through_the_indexer_as_well()
    {
        var wx = Builder.Factory(TestKeys.Options());

        Assert.That(Assert.Throws<ArgumentException>(() => _ = wx["v3/../x"])!.ParamName, Is.EqualTo("segments"));
    }

    [Test]
    public async Task Sends_values_with_dots_and_backslashes_as_exactly_one_segment()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)Platform.SignatureHeaders("{}", time.UnixSeconds), "{}")));
        dynamic wx = Builder.Factory(TestKeys.Options(time, server.BaseUri));

        foreach (var value in new[] { "...", ".a", "a.", "..\\..\\x", "%2e%2e" })
        {
            await wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}/close").PostAsync(new { out_trade_no = value, json = new { mchid = "1900000109" } });
        }

        var targets = server.Requests.Select(r => r.Target);
        Assert.That(targets, Is.EqualTo(new[]
        {
            "/v3/pay/transactions/out-trade-no/.../close",
            "/v3/pay/transactions/out-trade-no/.a/close",
            "/v3/pay/transactions/out-trade-no/a./close",
            "/v3/pay/transactions/out-trade-no/..%5C..%5Cx/close",
            "/v3/pay/transactions/out-trade-no/%252e%252e/close",
        }));
        foreach (var received in server.Requests)
        {
            SentRequest.Parse(received.Headers["Authorization"]).AssertSigned("POST", received.Target, received.BodyText);
        }
    }

    [Test]
    public void Refuses_a_url_that_system_uri_would_rewrite_as_a_last_check()
    {
        // The checks above keep such a URL from being built; this one stands behind them.
        const string origin = "https://api.mch.weixin.qq.com";

        var error = Assert.Throws<ArgumentException>(() => WireUrl.Unchanged(origin + "/v3/a/%2e%2e/refund", origin.Length, "v3/a/{x}/refund", hasQuery: false));

        Assert.That(error!.Message, Does.Contain("would be sent as /v3/refund rather than the /v3/a/%2e%2e/refund built and signed"));
        Assert.That(WireUrl.Unchanged(origin + "/v3/a/b?c=%2F", origin.Length, "v3/a/b", hasQuery: true), Is.EqualTo(origin + "/v3/a/b?c=%2F"));
    }
}
