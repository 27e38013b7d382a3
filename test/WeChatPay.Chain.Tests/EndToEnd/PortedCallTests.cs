using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>
/// Seven calls as wechatpay-php's and wechatpay-axios-plugin's documentation writes them, ported line for line (their
/// verb spellings included), against the fake platform: each is signed, judged, answered and verified, and reached the
/// platform at the path the PHP or Node line names, once.
/// </summary>
[NonParallelizable]
public class PortedCallTests
{
    private FakePlatform _platform = null!;
    private dynamic _wx = null!;
    private string _mchid = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _wx = Builder.Factory(_platform.ClientOptions());
        _mchid = _platform.Credentials.Mchid;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    [Test]
    public async Task Native_order_with_node_post()
    {
        // await wxpay.v3.pay.transactions.native.post({ … })
        var before = _platform.Requests.Count;
        WeChatPayResponse res = await _wx.V3.Pay.Transactions.Native.post(new
        {
            json = new { appid = "wxd678efh567hg6787", mchid = _mchid, description = "Image形象店-深圳腾大-QQ公仔", out_trade_no = "1217752501201407033233368018", notify_url = "https://www.weixin.qq.com/wxpay/pay.php", amount = new { total = 1, currency = "CNY" } },
        });

        Assert.That(res.StatusCode, Is.EqualTo(200));
        Assert.That((string)res.Data!.code_url, Does.StartWith("weixin://"));
        AssertReachedOnce(before, "POST", "/v3/pay/transactions/native");
    }

    [Test]
    public async Task Query_by_out_trade_no_with_php_getAsync_in_member_and_chain_form()
    {
        // $instance->v3->pay->transactions->outTradeNo->_out_trade_no_->getAsync(['out_trade_no' => …, 'query' => ['mchid' => …]])
        var before = _platform.Requests.Count;
        WeChatPayResponse member = await _wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.getAsync(new { out_trade_no = "1217752501201407033233368018", query = new { mchid = _mchid } });
        AssertReachedOnce(before, "GET", "/v3/pay/transactions/out-trade-no/1217752501201407033233368018");

        // $instance->chain('v3/pay/transactions/out-trade-no/{out_trade_no}')->get([…])
        before = _platform.Requests.Count;
        WeChatPayResponse chained = _wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}").get(new { out_trade_no = "1217752501201407033233368018", query = new { mchid = _mchid } });
        AssertReachedOnce(before, "GET", "/v3/pay/transactions/out-trade-no/1217752501201407033233368018");

        Assert.That(((string)member.Data!.out_trade_no, (string)chained.Data!.out_trade_no), Is.EqualTo(("1217752501201407033233368018", "1217752501201407033233368018")));
    }

    [Test]
    public async Task Refund_with_php_postAsync()
    {
        // $instance->v3->refund->domestic->refunds->postAsync(['json' => […]])
        var before = _platform.Requests.Count;
        WeChatPayResponse res = await _wx.V3.Refund.Domestic.Refunds.postAsync(new
        {
            json = new { out_trade_no = "1217752501201407033233368018", out_refund_no = "1217752501201407033233368019", amount = new { refund = 1, total = 1, currency = "CNY" } },
        });

        Assert.That((string)res.Data!.out_refund_no, Is.EqualTo("1217752501201407033233368019"));
        AssertReachedOnce(before, "POST", "/v3/refund/domestic/refunds");
    }

    [Test]
    public void Close_with_php_post_placeholder_in_braces()
    {
        // $instance->v3->pay->transactions->outTradeNo->{'{out_trade_no}'}->close->post(['out_trade_no' => …, 'json' => ['mchid' => …]])
        var before = _platform.Requests.Count;
        WeChatPayResponse res = _wx.V3.Pay.Transactions.OutTradeNo["{out_trade_no}"].Close.post(new { out_trade_no = "1217752501201407033233368018", json = new { mchid = _mchid } });

        Assert.That(res.StatusCode, Is.EqualTo(204));
        AssertReachedOnce(before, "POST", "/v3/pay/transactions/out-trade-no/1217752501201407033233368018/close");
    }

    [Test]
    public void Apiv2_micropay_with_php_post()
    {
        // $instance->v2->pay->micropay->post(['xml' => […]])
        var before = _platform.Requests.Count;
        WeChatPayResponse res = _wx.V2.Pay.Micropay.post(new
        {
            xml = new { appid = "wx8888888888888888", mch_id = _mchid, body = "image形象店-深圳腾大- QQ公仔", out_trade_no = "1217752501201407033233368018", total_fee = 888, spbill_create_ip = "8.8.8.8", auth_code = "120061098828009406" },
        });

        Assert.That(((string)res.Data!.return_code, (string)res.Data.result_code), Is.EqualTo(("SUCCESS", "SUCCESS")));
        AssertReachedOnce(before, "POST", "/pay/micropay");
    }

    [Test]
    public async Task Apiv2_transfer_presents_the_merchant_certificate_the_catalogue_demands()
    {
        // $instance->v2->mmpaymkttransfers->promotion->transfers->postAsync(['xml' => […], 'security' => true])
        var before = _platform.Requests.Count;
        WeChatPayResponse res = await _wx.V2.Mmpaymkttransfers.Promotion.Transfers.postAsync(new
        {
            xml = new { mch_appid = "wx8888888888888888", mchid = _mchid, partner_trade_no = "10000098201411111234567890", openid = "oxTWIuGaIt6gTKsQRLau2M0yL16E", check_name = "NO_CHECK", amount = 10099, desc = "理赔", spbill_create_ip = "192.168.0.1" },
            security = true,
        });
        Assert.That((string)res.Data!.result_code, Is.EqualTo("SUCCESS"));
        AssertReachedOnce(before, "POST", "/mmpaymkttransfers/promotion/transfers");

        // The same line without 'security' => true: the library presents the certificate anyway.
        before = _platform.Requests.Count;
        WeChatPayResponse again = await _wx.V2.Mmpaymkttransfers.Promotion.Transfers.postAsync(new
        {
            xml = new { mch_appid = "wx8888888888888888", mchid = _mchid, partner_trade_no = "10000098201411111234567891", openid = "oxTWIuGaIt6gTKsQRLau2M0yL16E", check_name = "NO_CHECK", amount = 10099, desc = "理赔", spbill_create_ip = "192.168.0.1" },
        });
        Assert.That((string)again.Data!.result_code, Is.EqualTo("SUCCESS"));
        AssertReachedOnce(before, "POST", "/mmpaymkttransfers/promotion/transfers");
    }

    [Test]
    public async Task Media_upload_with_php_postAsync()
    {
        // $instance->v3->merchant->media->upload->postAsync(['body' => $media->getStream(), 'headers' => $media->getHeaders()])
        var before = _platform.Requests.Count;
        WeChatPayResponse res = await _wx.V3.Merchant.Media.Upload.postAsync(new { body = new MediaUpload("receipt.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]) });

        Assert.That((string)res.Data!.media_id, Is.Not.Empty);
        AssertReachedOnce(before, "POST", "/v3/merchant/media/upload");
    }

    /// <summary>One request since <paramref name="before"/>, at that method and path, and the platform accepted its signature.</summary>
    private void AssertReachedOnce(int before, string method, string path)
    {
        var received = _platform.Requests.Skip(before).ToList();
        Assert.That(received.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { $"{method} {path}" }));
        Assert.That(received[0].Rejection, Is.Null);
    }
}
