using System.Security.Cryptography;
using System.Text;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Crypto;

public class FormatterTests
{
    [Test]
    public void Builds_the_request_message_with_a_line_feed_after_every_part() =>
        Assert.That(Formatter.Request("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", ""),
            Is.EqualTo("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"));

    [Test]
    public void Builds_the_response_message_the_same_from_text_and_bytes()
    {
        const string body = """{"data":"分账"}""";
        Assert.That(Formatter.Response("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", body), Is.EqualTo("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"data\":\"分账\"}\n"));
        Assert.That(Formatter.Response("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", Encoding.UTF8.GetBytes(body)),
            Is.EqualTo(Encoding.UTF8.GetBytes(Formatter.Response("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", body))));
    }

    [Test]
    public void Builds_the_authorization_header_in_protocol_order() =>
        Assert.That(Formatter.Authorization("1900009191", "593BEC0C930BF1AFEB40B4A08C8FB242", "c2ln", "1554208460", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"),
            Is.EqualTo("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\",timestamp=\"1554208460\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"c2ln\""));

    [Test]
    public void Makes_distinct_alphanumeric_nonces()
    {
        var nonces = Enumerable.Range(0, 100).Select(_ => Formatter.Nonce()).ToList();
        Assert.That(nonces, Has.All.Match("^[0-9A-Za-z]{32}$"));
        Assert.That(nonces.Distinct().Count(), Is.EqualTo(100));
    }

    [Test]
    public void Reads_the_timestamp_from_the_given_clock() =>
        Assert.That(Formatter.Timestamp(new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1554208460))), Is.EqualTo("1554208460"));

    [Test]
    public void Rsa_signature_verifies_with_an_independent_verifier()
    {
        var signature = Rsa.Sign("message\n", TestKeys.Merchant);
        var verified = TestKeys.Merchant.VerifyData(Encoding.UTF8.GetBytes("message\n"), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.That(verified, Is.True);
        Assert.That(Rsa.Verify("message\n", signature, TestKeys.Merchant), Is.True);
        Assert.That(Rsa.Verify("message", signature, TestKeys.Merchant), Is.False);
    }

    [TestCase("")]
    [TestCase("%%%")]
    public void Rsa_verify_rejects_malformed_signatures(string signature) =>
        Assert.That(Rsa.Verify("message\n", signature, TestKeys.Merchant), Is.False);

    [Test]
    public void Rsa_loads_certificates_and_public_keys()
    {
        using var fromCertificate = Rsa.LoadPublicKey(TestKeys.PlatformCertificatePem);
        using var fromSpki = Rsa.LoadPublicKey(TestKeys.WechatpayPublicKeyPem);
        using var fromPkcs1 = Rsa.LoadPublicKey(TestKeys.WechatpayPublicKey.ExportRSAPublicKeyPem());
        var signature = Rsa.Sign("m", TestKeys.Platform);
        Assert.That(Rsa.Verify("m", signature, fromCertificate), Is.True);
        Assert.That(Rsa.Verify("m", Rsa.Sign("m", TestKeys.WechatpayPublicKey), fromSpki), Is.True);
        Assert.That(fromPkcs1.ExportSubjectPublicKeyInfoPem(), Is.EqualTo(TestKeys.WechatpayPublicKeyPem));
    }

    [Test]
    public void Rsa_refuses_a_private_key_where_a_public_one_belongs() =>
        Assert.Throws<CryptographicException>(() => Rsa.LoadPublicKey(TestKeys.MerchantPrivatePem));

    [Test]
    public void Sorts_fields_like_php_ksort() =>
        Assert.That(Formatter.Ksort(new Dictionary<string, string> { ["timeStamp"] = "1", ["appId"] = "2", ["Package"] = "3" }).Keys, Is.EqualTo(new[] { "Package", "appId", "timeStamp" }));

    [Test]
    public void Joins_the_jsapi_pay_sign_message_by_line_feeds()
    {
        Assert.That(Formatter.JoinedByLineFeed("wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "prepay_id=wx201410272009395522657a690389285100"),
            Is.EqualTo("wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n"));
        Assert.That(Formatter.JoinedByLineFeed(), Is.Empty);
    }
}
