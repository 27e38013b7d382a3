using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>
/// Error answers are judged like successes: one with signature headers is verified, one with none is raised marked
/// unverified, so nobody acts on a forged code; duplicated signature headers are refused; messages stay bounded.
/// </summary>
public class ErrorAnswerTests : HttpTestFixture
{
    private const string NotFound = """{"code":"ORDER_NOT_EXIST","message":"订单不存在"}""";

    private Task<WeChatPayResponse> Query() => ((IChainNode)Wx).Chain("v3/pay/transactions/out-trade-no/T1").GetAsync(new { query = new { mchid = "1900000109" } });

    [Test]
    public void An_unsigned_error_answer_is_raised_marked_unverified()
    {
        Http.RespondWith(NotFound, 404);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(Query);

        Assert.That((error!.IsVerified, error.Code, error.StatusCode), Is.EqualTo((false, "ORDER_NOT_EXIST", (int?)404)));
        Assert.That(error.Message, Does.Contain("Unverified"));
    }

    [Test]
    public void A_signed_error_answer_is_verified()
    {
        Http.RespondWith(NotFound, 404, Platform.SignatureHeaders(NotFound, Time.UnixSeconds), replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(Query);

        Assert.That((error!.IsVerified, error.Code), Is.EqualTo((true, "ORDER_NOT_EXIST")));
        Assert.That(error.Message, Does.Not.Contain("Unverified"));
    }

    [Test]
    public void A_signed_error_answer_that_was_altered_is_refused_not_raised()
    {
        var headers = Platform.SignatureHeaders("""{"code":"SYSTEM_ERROR","message":"retry"}""", Time.UnixSeconds);
        Http.RespondWith(NotFound, 404, headers, replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<InvalidResponseSignatureException>(Query);
        Assert.That(error!.Response.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void An_error_answer_with_some_signature_headers_missing_is_refused()
    {
        var headers = Platform.SignatureHeaders(NotFound, Time.UnixSeconds);
        headers.Remove("Wechatpay-Signature");
        Http.RespondWith(NotFound, 404, headers, replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<ResponseHeadersMissingException>(Query);
        Assert.That(error!.Missing, Is.EqualTo(new[] { "Wechatpay-Signature" }));
    }

    [Test]
    public void An_error_answer_is_not_verified_when_the_verifier_is_removed()
    {
        var options = TestKeys.Options(Time);
        options.Pipeline = p => p.Remove("verifier");
        IChainNode wx = Builder.Factory(options);
        Http.RespondWith(NotFound, 404, Platform.SignatureHeaders(NotFound, Time.UnixSeconds), replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => wx.Chain("v3/pay/transactions/out-trade-no/T1").GetAsync());
        Assert.That(error!.IsVerified, Is.False);
    }

    [TestCase("Wechatpay-Signature")]
    [TestCase("Wechatpay-Serial")]
    [TestCase("Wechatpay-Timestamp")]
    [TestCase("Wechatpay-Nonce")]
    public void Refuses_an_answer_carrying_a_signature_header_twice(string header)
    {
        const string body = """{"result":"SUCCESS"}""";
        var headers = Platform.SignatureHeaders(body, Time.UnixSeconds);
        headers[header] = headers[header] + ", " + headers[header];
        Http.RespondWith(body, 200, headers, replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<DuplicateResponseHeaderException>(Query);
        Assert.That(error!.Header, Is.EqualTo(header));
        Assert.That(error.Response.Body, Is.EqualTo(body), "a refusal on the headers still shows the start of the body");
    }

    [Test]
    public void Bounds_what_a_hostile_error_body_puts_in_the_message()
    {
        var flood = string.Concat(Enumerable.Repeat("forged line\r\nLevel=Critical ", 200_000));
        var code = new string('C', 5000) + "\n";
        Http.RespondWith(Newtonsoft.Json.JsonConvert.SerializeObject(new { code, message = flood }), 500);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(Query);

        Assert.That(error!.Message, Has.Length.LessThan(1000));
        Assert.That(error.Message, Does.Not.Contain("\r").And.Not.Contain("\n"));
        Assert.That(error.Response.Bytes.Length, Is.LessThanOrEqualTo(64 * 1024), "only the start of an unsigned error body is kept");
    }

    [Test]
    public void Refuses_an_answer_declaring_more_than_the_limit_before_reading_it()
    {
        var options = TestKeys.Options(Time);
        options.MaxResponseSize = 1024;
        IChainNode wx = Builder.Factory(options);
        var body = new string('x', 2048);
        Http.RespondWith(body, 200, Platform.SignatureHeaders(body, Time.UnixSeconds), replaceUnderscoreWithHyphen: false);

        var error = Assert.ThrowsAsync<ResponseTooLargeException>(() => wx.Chain("v3/foo").GetAsync());

        Assert.That((error!.Limit, error.DeclaredLength), Is.EqualTo((1024L, (long?)2048)));
        Assert.That(error.Response.Bytes.Length, Is.Zero);
    }

    [Test]
    public void Refuses_a_zero_or_negative_limit_at_the_factory()
    {
        var options = TestKeys.Options(Time);
        options.MaxResponseSize = 0;
        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("MaxResponseSize"));
    }
}
