using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Configuration;

/// <summary>APIv2-only and APIv3-only instances each need only their own keys; each set is all or nothing.</summary>
public class ApiV2BuilderTests
{
    [Test]
    public void Builds_an_apiv2_only_instance_without_apiv3_keys()
    {
        IChainNode wx = Builder.Factory(new BuilderOptions { Mchid = "10000100", Secret = V2.Secret });
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => wx.Chain("v3/profitsharing/return-orders").PostAsync(new { json = new { } }));
        Assert.That(error!.Message, Does.Contain("Serial, PrivateKey and Certs"));
    }

    [Test]
    public void Builds_an_apiv3_only_instance_without_the_apiv2_key() =>
        Assert.That(Builder.Factory(TestKeys.Options()), Is.Not.Null);

    [Test]
    public void Refuses_an_instance_with_nothing_to_sign_with()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(new BuilderOptions { Mchid = "1900000109" }));
        Assert.That(error!.Message, Does.Contain("Secret").And.Contain("PrivateKey"));
    }

    [TestCase("short")]
    [TestCase("192006250b4c09247ec02edce69f6a2d-")]
    [TestCase("192006250b4c09247ec02edce69f6a2!")]
    public void Refuses_a_secret_that_is_not_a_32_character_apiv2_key_without_showing_it(string secret)
    {
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(new BuilderOptions { Mchid = "10000100", Secret = secret }));
        Assert.That(error!.ParamName, Is.EqualTo("Secret"));
        Assert.That(error.Message, Does.Not.Contain(secret));
    }

    [Test]
    public void Refuses_a_merchant_certificate_without_the_apiv2_key()
    {
        var options = TestKeys.Options();
        options.Merchant = new MerchantCertificate("/nowhere/apiclient_cert.p12");
        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("Secret"));
    }

    [Test]
    public void Names_a_missing_p12_file()
    {
        var options = new BuilderOptions { Mchid = "10000100", Secret = V2.Secret, Merchant = new MerchantCertificate("file:///nowhere/apiclient_cert.p12") };
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That((error!.ParamName, error.Message.Contains("/nowhere/apiclient_cert.p12", StringComparison.Ordinal)), Is.EqualTo(("Merchant", true)));
    }

    [Test]
    public void Refuses_a_certificate_without_its_private_key()
    {
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(TestKeys.PlatformCertificate.RawData);
        var options = new BuilderOptions { Mchid = "10000100", Secret = V2.Secret, Merchant = MerchantCertificate.FromCertificate(publicOnly) };
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("no private key"));
    }

    [Test]
    public void Describes_options_without_the_secret()
    {
        var merchant = new MerchantCertificate("/etc/wechatpay/apiclient_cert.p12", "p@ss");
        var text = new BuilderOptions { Mchid = "10000100", Secret = V2.Secret, Merchant = merchant }.ToString();
        Assert.That(text, Does.Contain("Secret = (set)").And.Contain("Merchant = PKCS#12 file with a password"));
        Assert.That(text, Does.Not.Contain(V2.Secret).And.Not.Contain("p@ss").And.Not.Contain("/etc/wechatpay"));
        Assert.That(merchant.ToString(), Is.EqualTo("PKCS#12 /etc/wechatpay/apiclient_cert.p12"), "the certificate itself shows a path that is plausibly one");
    }
}
