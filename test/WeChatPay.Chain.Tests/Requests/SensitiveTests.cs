using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>Sensitive fields go encrypted with the platform key, and Wechatpay-Serial names that key.</summary>
public class SensitiveTests : HttpTestFixture
{
    [SetUp]
    public void RespondSigned() => Http.RespondSigned("{}", Time);

    private static string Opened(string ciphertext, RSA key) =>
        Encoding.UTF8.GetString(key.Decrypt(Convert.FromBase64String(ciphertext), RSAEncryptionPadding.OaepSHA1));

    [Test]
    public async Task Encrypts_with_the_wechatpay_public_key_and_names_it_in_wechatpay_serial()
    {
        await Wx.V3.Profitsharing.Receivers.Add.PostAsync(new { json = new { type = "MERCHANT_ID", account = "86693852", name = Sensitive.Of("腾讯科技有限公司"), relation_type = "PARTNER" } });

        var body = JObject.Parse(Sent.RequestBody!);
        Assert.That(Opened((string)body["name"]!, TestKeys.WechatpayPublicKey), Is.EqualTo("腾讯科技有限公司"));
        Assert.That(Sent.HttpRequestMessage.Headers.GetValues("Wechatpay-Serial"), Is.EqualTo(new[] { TestKeys.PublicKeyId }));
        SentRequest.Parse(Sent.HttpRequestMessage.Headers.Authorization!.ToString()).AssertSigned("POST", "/v3/profitsharing/receivers/add", Sent.RequestBody!);
    }

    [Test]
    public async Task Uses_the_key_a_given_wechatpay_serial_names()
    {
        await Wx.V3.Profitsharing.Receivers.Add.PostAsync(new
        {
            json = new { name = Sensitive.Of("张三") },
            headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = TestKeys.PlatformSerial },
        });

        Assert.That(Opened((string)JObject.Parse(Sent.RequestBody!)["name"]!, TestKeys.Platform), Is.EqualTo("张三"));
        Assert.That(Sent.HttpRequestMessage.Headers.GetValues("Wechatpay-Serial"), Is.EqualTo(new[] { TestKeys.PlatformSerial }));
    }

    [Test]
    public async Task Sends_no_wechatpay_serial_without_a_sensitive_field()
    {
        await Wx.V3.Profitsharing.Receivers.Add.PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" } });
        Assert.That(Sent.HttpRequestMessage.Headers.Contains("Wechatpay-Serial"), Is.False);
    }

    [Test]
    public void Refuses_a_wechatpay_serial_with_no_configured_key()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Profitsharing.Receivers.Add.PostAsync(new
        {
            json = new { name = Sensitive.Of("张三") },
            headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = "PUB_KEY_ID_0999" },
        }));
        Assert.That(error!.Message, Does.Contain(TestKeys.PublicKeyId));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public void Never_shows_the_value() =>
        Assert.That(new { name = Sensitive.Of("张三") }.ToString(), Does.Not.Contain("张三"));

    [Test]
    public void Refuses_a_sensitive_value_with_a_lone_surrogate_without_quoting_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Sensitive.Of("张三\uD800李四"));
        Assert.That(error!.ParamName, Is.EqualTo("plaintext"));
        Assert.That(error.Message, Does.Contain("index 2").And.Not.Contain("张三"));
    }
}
