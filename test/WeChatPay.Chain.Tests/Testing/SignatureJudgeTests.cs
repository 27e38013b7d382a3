using System.Security.Cryptography;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Testing;

/// <summary>
/// Each check the fake platform makes on a request, tripped alone by a hand-built request that is otherwise
/// correct: removing any one check from <c>SignatureJudge</c> makes its test fail.
/// </summary>
public class SignatureJudgeTests
{
    private const string Target = "/v3/profitsharing/return-orders/R-none?out_order_no=P20150806125346";
    private FakePlatform _platform = null!;

    [OneTimeSetUp]
    public async Task Start() => _platform = await FakePlatform.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private async Task<(int Status, string? Code, string Message)> Send(PlatformCall call)
    {
        var (status, body) = await call.SendAsync(_platform);
        return (status, (string?)body["code"], (string)body["message"]!);
    }

    private async Task AssertSignError(PlatformCall call, string because)
    {
        var (status, code, message) = await Send(call);
        Assert.That((status, code), Is.EqualTo((401, "SIGN_ERROR")));
        Assert.That(message, Does.Contain(because));
        var logged = _platform.Requests[^1];
        Assert.That(logged.Accepted, Is.False);
        Assert.That(logged.Rejection, Does.Contain(because));
        Assert.That(logged.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Accepts_a_correctly_signed_request()
    {
        var (status, code, _) = await Send(new PlatformCall("GET", Target));
        Assert.That((status, code), Is.EqualTo((404, "RESOURCE_NOT_EXISTS")), "judged, then answered by the API");
        Assert.That(_platform.Requests[^1].Accepted, Is.True);
    }

    [Test]
    public async Task Rejects_a_request_without_user_agent()
    {
        var (status, code, message) = await Send(new PlatformCall("GET", Target) { UserAgent = null });
        Assert.That((status, code), Is.EqualTo((400, "INVALID_REQUEST")));
        Assert.That(message, Does.Contain("User-Agent"));
    }

    [Test]
    public Task Rejects_another_authorization_scheme() =>
        AssertSignError(new PlatformCall("GET", Target) { Scheme = "WECHATPAY2-SM2-WITH-SM3" }, "scheme");

    [TestCase("mchid")]
    [TestCase("serial_no")]
    [TestCase("timestamp")]
    [TestCase("nonce_str")]
    [TestCase("signature")]
    public Task Rejects_authorization_missing_a_parameter(string name) =>
        AssertSignError(new PlatformCall("GET", Target) { Parameters = p => string.Join(",", p.Split(',').Where(part => !part.StartsWith(name + "=", StringComparison.Ordinal))) }, "missing " + name);

    [Test]
    public Task Rejects_authorization_with_an_extra_parameter() =>
        AssertSignError(new PlatformCall("GET", Target) { Parameters = p => p + ",appid=\"wx1\"" }, "exactly");

    [Test]
    public Task Rejects_another_merchant_id() =>
        AssertSignError(new PlatformCall("GET", Target) { Mchid = "1900000110" }, "mchid 1900000110");

    [Test]
    public Task Rejects_another_merchant_serial() =>
        AssertSignError(new PlatformCall("GET", Target) { Serial = "7132D72A03E93CDDF8C03BBD1F37EEDF2F9E1DA0" }, "serial_no 7132D72A03E93CDDF8C03BBD1F37EEDF2F9E1DA0");

    [TestCase(-301)]
    [TestCase(301)]
    public Task Rejects_a_timestamp_outside_300_seconds(int offset) =>
        AssertSignError(new PlatformCall("GET", Target) { Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offset }, "more than 300 s");

    [Test]
    public Task Rejects_a_nonce_longer_than_32_characters() =>
        AssertSignError(new PlatformCall("GET", Target) { Nonce = new string('a', 33) }, "nonce_str must be");

    [Test]
    public async Task Rejects_a_replayed_nonce()
    {
        var call = new PlatformCall("GET", Target);
        await Send(call);
        await AssertSignError(call, "already used");
    }

    [Test]
    public async Task Rejects_a_signature_over_another_target_and_says_what_it_expected()
    {
        await AssertSignError(new PlatformCall("GET", Target) { SignedTarget = Target.Replace("R-none", "R-other", StringComparison.Ordinal) }, "does not verify");
        var (_, body) = await new PlatformCall("GET", "/v3/profitsharing/return-orders/R%20x?out_order_no=P1") { SignedTarget = "/v3/profitsharing/return-orders/R x?out_order_no=P1" }.SendAsync(_platform);
        Assert.That((string)body["detail"]!["expected_message"]!, Does.StartWith("GET\n/v3/profitsharing/return-orders/R%20x?out_order_no=P1\n"));
    }

    [Test]
    public Task Rejects_a_body_other_than_the_signed_one() =>
        AssertSignError(new PlatformCall("POST", "/v3/profitsharing/return-orders", """{"amount":100}""") { SignedBody = """{"amount":1}""" }, "does not verify");

    [Test]
    public async Task Rejects_a_signature_by_another_key()
    {
        using var stranger = RSA.Create(2048);
        await AssertSignError(new PlatformCall("GET", Target) { Key = stranger }, "does not verify");
    }
}
