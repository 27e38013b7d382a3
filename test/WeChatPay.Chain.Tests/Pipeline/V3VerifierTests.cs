using System.Security.Cryptography;
using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>Each check of the response verifier, and what it must let through.</summary>
public class V3VerifierTests : HttpTestFixture
{
    private const string Body = """{"out_return_no":"R20190516001","result":"SUCCESS","amount":10}""";

    [Test]
    public async Task Accepts_response_signed_with_the_platform_certificate()
    {
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds), replaceUnderscoreWithHyphen: false);
        WeChatPayResponse response = await Wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { } });
        Assert.That(response.Body, Is.EqualTo(Body));
    }

    [Test]
    public async Task Accepts_response_signed_with_the_wechatpay_public_key()
    {
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds, TestKeys.WechatpayPublicKey, TestKeys.PublicKeyId), replaceUnderscoreWithHyphen: false);
        WeChatPayResponse response = await Wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { } });
        Assert.That((int)response.Data!.amount, Is.EqualTo(10));
    }

    [Test]
    public async Task Accepts_serial_in_any_case()
    {
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds, serial: TestKeys.PlatformSerial.ToLowerInvariant()), replaceUnderscoreWithHyphen: false);
        WeChatPayResponse response = await Wx.V3.Foo.GetAsync();
        Assert.That(response.StatusCode, Is.EqualTo(200));
    }

    [TestCase("Wechatpay-Timestamp")]
    [TestCase("Wechatpay-Nonce")]
    [TestCase("Wechatpay-Signature")]
    [TestCase("Wechatpay-Serial")]
    public void Rejects_response_missing_a_signature_header(string header)
    {
        var headers = Platform.SignatureHeaders(Body, Time.UnixSeconds);
        headers.Remove(header);
        Http.RespondWith(Body, 200, headers, replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<ResponseHeadersMissingException>(() => (Task)Wx.V3.Foo.GetAsync());
        Assert.That(error!.Missing, Is.EqualTo(new[] { header }));
        Assert.That(error.Message, Does.Contain(header));
        Assert.That(error.Response.Body, Is.EqualTo(Body));
    }

    [Test]
    public void Rejects_unsigned_response_naming_all_four_headers()
    {
        Http.RespondWith(Body, 200);
        var error = Assert.ThrowsAsync<ResponseHeadersMissingException>(() => (Task)Wx.V3.Foo.GetAsync());
        Assert.That(error!.Missing, Has.Count.EqualTo(4));
    }

    [TestCase(-301)]
    [TestCase(301)]
    [TestCase(-86400)]
    public void Rejects_response_with_staleTimestamp(int offset)
    {
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds + offset), replaceUnderscoreWithHyphen: false);
        var error = Assert.ThrowsAsync<ResponseTimestampException>(() => (Task)Wx.V3.Foo.GetAsync());
        Assert.That(error!.OffBy, Is.EqualTo(TimeSpan.FromSeconds(offset)));
        Assert.That(error.Message, Does.Contain($"{Math.Abs(offset)} s"));
    }

    [TestCase(-300)]
    [TestCase(300)]
    public async Task Accepts_response_at_the_edge_of_the_window(int offset)
    {
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds + offset), replaceUnderscoreWithHyphen: false);
        WeChatPayResponse response = await Wx.V3.Foo.GetAsync();
        Assert.That(response.IsSuccess, Is.True);
    }

    [Test]
    public void Judges_the_window_by_the_configured_clock()
    {
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds), replaceUnderscoreWithHyphen: false);
        Time.Now = Time.Now.AddMinutes(6);
        Assert.ThrowsAsync<ResponseTimestampException>(() => (Task)Wx.V3.Foo.GetAsync());
    }

    [TestCase("17a0")]
    [TestCase("-5")]
    [TestCase("99999999999999999999")]
    [TestCase("9223372036854775807")]
    public void Rejects_response_whoseTimestamp_is_not_unix_seconds(string timestamp)
    {
        var headers = Platform.SignatureHeaders(Body, Time.UnixSeconds);
        headers["Wechatpay-Timestamp"] = timestamp;
        Http.RespondWith(Body, 200, headers, replaceUnderscoreWithHyphen: false);
        var error = Assert.ThrowsAsync<ResponseTimestampException>(() => (Task)Wx.V3.Foo.GetAsync());
        Assert.That(error!.OffBy, Is.Null);
        Assert.That(error.Timestamp, Is.EqualTo(timestamp));
    }

    [Test]
    public void Rejects_response_with_unknown_serial_listing_the_known_ones()
    {
        using var stranger = RSA.Create(2048);
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds, stranger, "7132D72A03E93CDDF8C03BBD1F37EEDF2F9E1DA0"), replaceUnderscoreWithHyphen: false);
        var error = Assert.ThrowsAsync<UnknownSerialException>(() => (Task)Wx.V3.Foo.GetAsync());
        Assert.That(error!.Serial, Is.EqualTo("7132D72A03E93CDDF8C03BBD1F37EEDF2F9E1DA0"));
        Assert.That(error.Known, Is.EquivalentTo(new[] { TestKeys.PlatformSerial, TestKeys.PublicKeyId }));
        Assert.That(error.Message, Does.Contain(TestKeys.PublicKeyId).And.Contain(TestKeys.PlatformSerial));
    }

    [Test]
    public void Rejects_response_whose_body_was_altered()
    {
        var headers = Platform.SignatureHeaders(Body, Time.UnixSeconds);
        Http.RespondWith(Body.Replace("10", "1000", StringComparison.Ordinal), 200, headers, replaceUnderscoreWithHyphen: false);
        var error = Assert.ThrowsAsync<InvalidResponseSignatureException>(() => (Task)Wx.V3.Foo.GetAsync());
        Assert.That(error!.Serial, Is.EqualTo(TestKeys.PlatformSerial));
    }

    [Test]
    public void Rejects_response_signed_by_another_key_under_a_known_serial()
    {
        using var stranger = RSA.Create(2048);
        Http.RespondWith(Body, 200, Platform.SignatureHeaders(Body, Time.UnixSeconds, stranger, TestKeys.PublicKeyId), replaceUnderscoreWithHyphen: false);
        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => (Task)Wx.V3.Foo.GetAsync());
    }

    [Test]
    public void Rejects_response_whose_nonce_was_swapped()
    {
        var headers = Platform.SignatureHeaders(Body, Time.UnixSeconds);
        headers["Wechatpay-Nonce"] = "A" + headers["Wechatpay-Nonce"][1..];
        Http.RespondWith(Body, 200, headers, replaceUnderscoreWithHyphen: false);
        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => (Task)Wx.V3.Foo.GetAsync());
    }

    [TestCase("not base64 at all!")]
    [TestCase("WECHATPAY/SIGNTEST/9A0B1C2D")]
    public void Rejects_response_with_malformed_signature(string signature)
    {
        var headers = Platform.SignatureHeaders(Body, Time.UnixSeconds);
        headers["Wechatpay-Signature"] = signature;
        Http.RespondWith(Body, 200, headers, replaceUnderscoreWithHyphen: false);
        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => (Task)Wx.V3.Foo.GetAsync());
    }

    [Test]
    public void Does_not_verify_error_responses_and_reports_the_platform_error()
    {
        Http.RespondWith("""{"code":"PARAM_ERROR","message":"参数错误","detail":{"field":"amount"}}""", 400, new Dictionary<string, string> { ["Request-ID"] = "REQ-1" }, replaceUnderscoreWithHyphen: false);
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => (Task)Wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { amount = 0 } }));
        Assert.That(error!.StatusCode, Is.EqualTo(400));
        Assert.That(error.Code, Is.EqualTo("PARAM_ERROR"));
        Assert.That(error.PlatformMessage, Is.EqualTo("参数错误"));
        Assert.That((string?)error.Detail?["field"], Is.EqualTo("amount"));
        Assert.That(error.RequestId, Is.EqualTo("REQ-1"));
        Assert.That(error.Message, Does.Contain("PARAM_ERROR").And.Contain("REQ-1").And.Contain("/v3/profitsharing/return-orders"));
    }

    [Test]
    public void Reports_error_response_that_is_not_json()
    {
        Http.RespondWith("<html>bad gateway</html>", 502);
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => (Task)Wx.V3.Foo.GetAsync());
        Assert.That(error!.Code, Is.Null);
        Assert.That(error.StatusCode, Is.EqualTo(502));
    }

    [TestCase("v3/billdownload/file")]
    [TestCase("v3/statements")]
    [TestCase("v3/merchant-service/images/ChsyMDA1MTk1NjM")]
    public async Task Does_not_demand_signatures_on_file_downloads(string path)
    {
        Http.RespondWith("交易时间,公众账号ID\n", 200);
        WeChatPayResponse response = await Wx.Chain(path).GetAsync();
        Assert.That(response.Body, Does.StartWith("交易时间"));
    }

    [Test]
    public void Verifies_image_upload_which_is_not_a_download()
    {
        Http.RespondWith("""{"media_id":"x"}""", 200);
        Assert.ThrowsAsync<ResponseHeadersMissingException>(() => (Task)Wx.Chain("v3/merchant-service/images/upload").PostAsync(new { body = "{}" }));
    }
}
