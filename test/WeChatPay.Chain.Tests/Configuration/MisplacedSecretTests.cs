using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Configuration;

/// <summary>
/// A secret put in the wrong option is named as a mistake, never quoted back: the message says which option and what
/// kind of thing is there (a 32-character key, PEM text), and stays as helpful as before in every other respect.
/// </summary>
public class MisplacedSecretTests
{
    private const string ApiV2Key = "Zk3qAbCdEfGhIjKlMnOpQrStUvWxYz12";

    private static string KeyBody(string pem) => pem.Split('\n')[3];

    [Test]
    public void Describes_the_apiv2_key_given_as_mchid_without_quoting_it()
    {
        var options = TestKeys.Options();
        options.Mchid = ApiV2Key;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("Mchid"));
        Assert.That(error.Message, Does.Contain("a 32-character string of letters and digits, like a 32-character key").And.Not.Contain(ApiV2Key));
    }

    [Test]
    public void Describes_a_serial_that_is_not_hex_without_quoting_it()
    {
        var options = TestKeys.Options();
        options.Serial = ApiV2Key;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("Serial"));
        Assert.That(error.Message, Does.Contain("like a 32-character key").And.Not.Contain(ApiV2Key).And.Not.Contain(ApiV2Key.ToUpperInvariant()));
    }

    [Test]
    public void Refuses_the_apiv3_key_given_as_serial_though_it_is_hex()
    {
        var options = TestKeys.Options();
        options.ApiV3Key = "0123456789abcdef0123456789abcdef";
        options.Serial = options.ApiV3Key.ToUpperInvariant();
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("Serial"));
        Assert.That(error.Message, Does.Contain("same text as ApiV3Key").And.Not.Contain(options.Serial));
    }

    [Test]
    public void Refuses_the_apiv2_key_as_the_name_of_a_platform_key()
    {
        var options = TestKeys.Options();
        options.Secret = V2.Secret;
        options.Certs[V2.Secret] = TestKeys.WechatpayPublicKeyPem;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("Certs"));
        Assert.That(error.ToString(), Does.Contain("same text as Secret").And.Not.Contain(V2.Secret));
    }

    [Test]
    public void Describes_pem_text_after_file_scheme_without_printing_it()
    {
        var options = TestKeys.Options();
        options.PrivateKey = "file://" + TestKeys.MerchantPrivatePem;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("a file:// reference, not shown as it holds PEM text"));
        Assert.That(error.ToString(), Does.Not.Contain(KeyBody(TestKeys.MerchantPrivatePem)).And.Not.Contain("BEGIN PRIVATE KEY"));
        Assert.That(options.PrivateKey.ToString(), Is.EqualTo("a file:// reference, not shown as it holds PEM text"));
    }

    [Test]
    public void Describes_a_key_inside_a_path_without_printing_the_path()
    {
        var options = TestKeys.Options();
        options.PrivateKey = $"file:///etc/wechatpay/{ApiV2Key}.pem";
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("has a part that looks like key material").And.Contain("no such"));
        Assert.That(error.ToString(), Does.Not.Contain(ApiV2Key));
    }

    [Test]
    public void Describes_a_p12_path_that_is_pem_text_without_printing_it()
    {
        var merchant = new MerchantCertificate(TestKeys.MerchantPrivatePem, "p@ssw0rd-given");
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(new BuilderOptions { Mchid = TestKeys.Mchid, Secret = V2.Secret, Merchant = merchant }));
        Assert.That(error!.ParamName, Is.EqualTo("Merchant"));
        Assert.That(error.Message, Does.Contain("PKCS#12 file named by a path, not shown as it holds PEM text"));
        Assert.That(error.ToString(), Does.Not.Contain(KeyBody(TestKeys.MerchantPrivatePem)).And.Not.Contain("p@ssw0rd-given"));
    }

    [Test]
    public void Describes_a_pem_pair_by_kind()
    {
        var merchant = MerchantCertificate.FromPem(TestKeys.PlatformCertificatePem, TestKeys.MerchantPrivatePem);
        Assert.That(merchant.ToString(), Is.EqualTo("PEM pair: certificate PEM text (CERTIFICATE), key PEM text (PRIVATE KEY)"));
    }

    [Test]
    public void Describes_a_base_uri_by_scheme_without_its_user_info_or_host()
    {
        var options = TestKeys.Options(baseUri: new Uri($"ftp://merchant:{ApiV2Key}@{ApiV2Key}.example/"));
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("got a URI with scheme ftp and user-info"));
        Assert.That(error.ToString().ToLowerInvariant(), Does.Not.Contain(ApiV2Key.ToLowerInvariant()));
        Assert.That(options.ToString().ToLowerInvariant(), Does.Not.Contain(ApiV2Key.ToLowerInvariant()));
    }

    [Test]
    public void Describes_a_wrong_apiv3_key_and_secret_by_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(new BuilderOptions { Mchid = TestKeys.Mchid, Secret = TestKeys.MerchantPrivatePem }));
        Assert.That(error!.Message, Does.Contain("got PEM text (PRIVATE KEY)").And.Not.Contain(KeyBody(TestKeys.MerchantPrivatePem)));

        var options = TestKeys.Options();
        options.ApiV3Key = ApiV2Key + " ";
        error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("a 33-character string of letters, digits and whitespace, with whitespace at either end").And.Not.Contain(ApiV2Key));
    }

    [Test]
    public void Options_show_no_value_even_for_a_secret_put_in_mchid_or_a_certs_name()
    {
        var options = TestKeys.Options();
        options.Mchid = ApiV2Key;
        options.Certs[ApiV2Key] = TestKeys.WechatpayPublicKeyPem;
        Assert.That(options.ToString(), Does.Not.Contain(ApiV2Key).And.Contain("Certs = 3 ["));
    }

    [Test]
    public void An_instance_identity_names_no_key()
    {
        var options = TestKeys.Options();
        options.Secret = V2.Secret;
        options.ApiV3Key = ApiV2Key;
        var identity = ((ChainNode)Builder.Factory(options)).Client.Identity.ToString();
        Assert.That(identity, Does.Contain("Secret = (set)").And.Not.Contain(V2.Secret).And.Not.Contain(ApiV2Key));
    }
}
