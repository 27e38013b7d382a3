using System.Text;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>
/// What the platform sends a 国密 merchant on its own, and what such a merchant seals, end to end against the fake
/// platform in SM mode: notifications sealed with AEAD_SM4_GCM and signed with SM2, the SM2 certificate set
/// downloaded with <c>?algorithm_type=SM2</c> and renewed, and sensitive fields sealed with SM2 C1C3C2 both ways.
/// </summary>
public class GuomiTests
{
    private FakeTimeProvider _time = null!;
    private FakePlatform _platform = null!;

    [SetUp]
    public async Task Start()
    {
        _time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _platform = await FakePlatform.StartAsync(new FakePlatformOptions { Sm2 = true, TimeProvider = _time });
    }

    [TearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private IChainNode Wx(Action<BuilderOptions>? change = null) => _platform.Client(change);

    private static Func<string, string?> Headers(IReadOnlyDictionary<string, string> headers, string? replace = null, string? with = null) =>
        name => name.Equals(replace, StringComparison.OrdinalIgnoreCase) ? with : headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private int Downloads => _platform.Requests.Count(r => r.Path == "/v3/certificates");

    [TestCase(SigningMode.PublicKey)]
    [TestCase(SigningMode.PlatformCertificate)]
    public void Opens_a_notification_sealed_with_SM4_and_signed_with_SM2(SigningMode mode)
    {
        _platform.SigningMode = mode;
        var sent = _platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "SM-" + mode, trade_state = "SUCCESS" });
        var resource = JObject.Parse(sent.Body)["resource"]!;

        var notice = Notification.Parse(Wx(), Headers(sent.Headers), Encoding.UTF8.GetBytes(sent.Body));

        Assert.That((string?)resource["algorithm"], Is.EqualTo("AEAD_SM4_GCM"));
        Assert.That(sent.Headers["Wechatpay-Signature-Type"], Is.EqualTo(Formatter.Sm2AuthorizationScheme));
        Assert.That((string)notice.Data.out_trade_no, Is.EqualTo("SM-" + mode));
        Assert.That(notice.Serial, Is.EqualTo(mode == SigningMode.PublicKey ? _platform.Credentials.PublicKeyId : _platform.Credentials.Sm2PlatformSerial));
    }

    [Test]
    public void Refuses_an_SM4_resource_sealed_with_another_apiv3_key()
    {
        var sent = _platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1" });
        var other = Wx(o => o.ApiV3Key = new string('k', 32));

        var wrongKey = Assert.Throws<NotificationRejectedException>(() => Notification.Parse(other, Headers(sent.Headers), Encoding.UTF8.GetBytes(sent.Body)))!;

        Assert.That(wrongKey.Reason, Is.EqualTo(NotificationRejection.Undecryptable));
        Assert.That(wrongKey.Message, Does.Not.Contain(_platform.Credentials.ApiV3Key).And.Not.Contain(new string('k', 32)));
    }

    [Test]
    public void Refuses_a_signature_type_header_that_names_another_scheme_than_the_key()
    {
        // Only the header differs: the same SM2-signed bytes pass without it and with the right scheme.
        var sent = _platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T2" });
        var body = Encoding.UTF8.GetBytes(sent.Body);
        var wx = Wx();

        Assert.That(Notification.Parse(wx, Headers(sent.Headers), body).Serial, Is.EqualTo(_platform.Credentials.PublicKeyId));
        Assert.That(Notification.Parse(wx, Headers(sent.Headers, "Wechatpay-Signature-Type", null), body).Serial, Is.EqualTo(_platform.Credentials.PublicKeyId));
        var mismatch = Assert.Throws<NotificationRejectedException>(() => Notification.Parse(wx, Headers(sent.Headers, "Wechatpay-Signature-Type", Formatter.AuthorizationScheme), body))!;
        Assert.That(mismatch.Reason, Is.EqualTo(NotificationRejection.BadSignature));
    }

    [Test]
    public async Task Downloads_the_SM2_certificate_set_sealed_with_SM4()
    {
        _platform.SigningMode = SigningMode.PlatformCertificate;
        var wx = Wx();
        var rsaSet = await wx.Chain("v3/certificates").GetAsync();
        var sm2Set = await wx.Chain("v3/certificates").GetAsync(new { query = new { algorithm_type = "SM2" } });

        var rsaEntry = ((JArray)rsaSet.Parsed!["data"]!).Single();
        var sm2Entry = ((JArray)sm2Set.Parsed!["data"]!).Single();
        Assert.That((string?)rsaEntry["serial_no"], Is.EqualTo(_platform.Credentials.PlatformSerial));
        Assert.That((string?)rsaEntry["encrypt_certificate"]!["algorithm"], Is.EqualTo("AEAD_AES_256_GCM"));
        Assert.That((string?)sm2Entry["serial_no"], Is.EqualTo(_platform.Credentials.Sm2PlatformSerial));
        Assert.That((string?)sm2Entry["encrypt_certificate"]!["algorithm"], Is.EqualTo("AEAD_SM4_GCM"));

        var sealedCertificate = sm2Entry["encrypt_certificate"]!;
        var pem = Sm4.Decrypt((string)sealedCertificate["ciphertext"]!, _platform.Credentials.ApiV3Key, (string)sealedCertificate["nonce"]!, (string)sealedCertificate["associated_data"]!);
        Assert.That(pem, Is.EqualTo(_platform.Credentials.Sm2PlatformCertificate));
        Assert.That(Sm2.Verify("m", Sm2.Sign("m", _platform.Credentials.Sm2PlatformKey!), Sm2.LoadPublicKey(pem)), Is.True, "the certificate holds the key that signs");
    }

    [Test]
    public async Task Renewal_bootstraps_the_SM2_certificate_from_nothing_with_one_download()
    {
        _platform.SigningMode = SigningMode.PlatformCertificate;
        var wx = Wx(o =>
        {
            o.Certs.Clear();
            o.AutoRenewCertificates = true;
        });
        var first = await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o1", relation_type = "USER" } });
        var second = await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o2", relation_type = "USER" } });

        Assert.That((first.Header("Wechatpay-Serial"), second.Header("Wechatpay-Serial")), Is.EqualTo((_platform.Credentials.Sm2PlatformSerial, _platform.Credentials.Sm2PlatformSerial)));
        Assert.That(Downloads, Is.EqualTo(1));
        var download = _platform.Requests.Single(r => r.Path == "/v3/certificates");
        Assert.That(download.RawTarget, Is.EqualTo("/v3/certificates?algorithm_type=SM2"));
        Assert.That(download.Headers["Authorization"], Does.StartWith(Formatter.Sm2AuthorizationScheme + " "));
        var known = ((ChainNode)wx).Client.Identity.PlatformKeys!;
        Assert.That(known.Keys, Is.EquivalentTo(new[] { _platform.Credentials.Sm2PlatformSerial }));
        Assert.That(known[_platform.Credentials.Sm2PlatformSerial!].Sm2, Is.Not.Null);
    }

    [Test]
    public async Task A_notification_under_an_unknown_SM2_certificate_is_judged_after_a_refresh()
    {
        _platform.SigningMode = SigningMode.PlatformCertificate;
        var wx = Wx(o =>
        {
            o.Certs.Remove(_platform.Credentials.Sm2PlatformSerial!);
            o.AutoRenewCertificates = true;
        });
        var sent = _platform.Notifications.Create("REFUND.SUCCESS", new { out_refund_no = "R1" }, originalType: "refund");

        var notice = await Notification.ParseAsync(wx, Headers(sent.Headers), Encoding.UTF8.GetBytes(sent.Body));

        Assert.That((string)notice.Data.out_refund_no, Is.EqualTo("R1"));
        Assert.That(Downloads, Is.EqualTo(1));
    }

    [TestCase(null)]
    [TestCase("Sm2PlatformSerial")]
    public async Task Seals_a_sensitive_field_with_SM2_and_opens_the_one_sealed_back(string? serialOption)
    {
        var credentials = _platform.Credentials;
        var serial = serialOption is null ? null : credentials.Sm2PlatformSerial;
        var wx = Wx();

        var answer = await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new
        {
            json = new { type = "MERCHANT_ID", account = "86693852", name = Sensitive.Of("腾讯财付通"), relation_type = "PARTNER" },
            headers = serial is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Wechatpay-Serial"] = serial },
        });

        var logged = _platform.Requests[^1];
        var expected = serial ?? credentials.PublicKeyId;
        Assert.That(logged.Headers["Wechatpay-Serial"], Is.EqualTo(expected), "an SM2 merchant prefers an SM2 key, the public key first");
        var opener = serial is null ? credentials.Sm2PublicKey! : credentials.Sm2PlatformKey!;
        Assert.That(Sm2.Decrypt((string)JObject.Parse(logged.Body)["name"]!, opener), Is.EqualTo("腾讯财付通"), "sealed as SM2 C1C3C2 to the key the header names");
        Assert.That(logged.Body, Does.Not.Contain("腾讯财付通"));
        Assert.That(Sensitive.Decrypt(wx, (string)answer.Data!.name), Is.EqualTo("腾讯财付通"), "the answer's copy opens with the merchant's SM2 key");
    }

    [Test]
    public async Task Seals_with_the_RSA_platform_certificate_when_the_header_names_it()
    {
        var answer = await Wx().Chain("v3/profitsharing/receivers/add").PostAsync(new
        {
            json = new { type = "MERCHANT_ID", account = "86693852", name = Sensitive.Of("张三"), relation_type = "PARTNER" },
            headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = _platform.Credentials.PlatformSerial },
        });

        Assert.That(answer.StatusCode, Is.EqualTo(200), "RSA and SM2 platform keys sit side by side");
        Assert.That(_platform.Requests[^1].Headers["Wechatpay-Serial"], Is.EqualTo(_platform.Credentials.PlatformSerial));
    }

    [Test]
    public void The_platform_refuses_an_RSA_sealed_field_under_an_SM2_serial()
    {
        var rsaSealed = Rsa.Encrypt("张三", _platform.Credentials.PublicKey);
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx().Chain("v3/profitsharing/receivers/add").PostAsync(new
        {
            json = new { type = "MERCHANT_ID", account = "86693852", name = rsaSealed, relation_type = "PARTNER" },
            headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = _platform.Credentials.PublicKeyId },
        }))!;

        Assert.That((error.StatusCode, error.Code), Is.EqualTo((400, "PARAM_ERROR")));
        Assert.That(error.Message, Does.Contain("SM2"));
    }
}
