using System.Security.Cryptography;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Configuration;

/// <summary>Every configuration error fails at <see cref="Builder.Factory"/>, names the option, and never shows key material.</summary>
public class BuilderTests
{
    private static string KeyBody(string pem) => pem.Split('\n')[3];

    [TestCase(nameof(BuilderOptions.Mchid))]
    [TestCase(nameof(BuilderOptions.Serial))]
    [TestCase(nameof(BuilderOptions.PrivateKey))]
    public void Requires_each_identity_option(string option)
    {
        var options = TestKeys.Options();
        typeof(BuilderOptions).GetProperty(option)!.SetValue(options, null);
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo(option));
        Assert.That(error.Message, Does.Contain(option));
    }

    [Test]
    public void Requires_a_key_to_verify_responses()
    {
        var options = TestKeys.Options();
        options.Certs.Clear();
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("Certs"));
        Assert.That(error.Message, Does.Contain("PUB_KEY_ID_"));
    }

    [TestCase("19000001O9")]
    [TestCase("mch 1900000109")]
    public void Rejects_a_merchant_id_that_is_not_digits(string mchid)
    {
        var options = TestKeys.Options();
        options.Mchid = mchid;
        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("Mchid"));
    }

    [Test]
    public void Rejects_a_serial_that_is_not_hex()
    {
        var options = TestKeys.Options();
        options.Serial = "not-a-serial";
        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("Serial"));
    }

    [Test]
    public void Rejects_a_public_key_given_as_private_key_without_quoting_it()
    {
        var options = TestKeys.Options();
        options.PrivateKey = TestKeys.MerchantPublicPem;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("PrivateKey"));
        Assert.That(error.ToString(), Does.Not.Contain(KeyBody(TestKeys.MerchantPublicPem)));
    }

    [Test]
    public void Rejects_a_loaded_rsa_key_that_holds_no_private_part()
    {
        var publicOnly = RSA.Create();
        publicOnly.ImportFromPem(TestKeys.MerchantPublicPem);
        var options = TestKeys.Options();
        options.PrivateKey = publicOnly;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("not a private key"));
    }

    [Test]
    public void Rejects_garbled_private_key_text_without_quoting_it()
    {
        var pem = TestKeys.MerchantPrivatePem;
        var garbled = pem.Replace(KeyBody(pem), new string('A', KeyBody(pem).Length), StringComparison.Ordinal);
        var options = TestKeys.Options();
        options.PrivateKey = garbled;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("PrivateKey"));
        Assert.That(error.ToString(), Does.Not.Contain(KeyBody(pem)).And.Not.Contain(new string('A', 40)));
    }

    [Test]
    public void Rejects_an_encrypted_private_key()
    {
        var options = TestKeys.Options();
        options.PrivateKey = TestKeys.Merchant.ExportEncryptedPkcs8PrivateKeyPem("passphrase", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("encrypted"));
    }

    [Test]
    public void Rejects_a_private_key_shorter_than_2048_bits()
    {
        using var small = RSA.Create(1024);
        var options = TestKeys.Options();
        options.PrivateKey = small.ExportRSAPrivateKeyPem();
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("1024-bit"));
    }

    [Test]
    public void Loads_pkcs1_and_pkcs8_and_file_private_keys()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wechatpay-chain-test-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, TestKeys.Merchant.ExportRSAPrivateKeyPem());
        try
        {
            foreach (KeySource source in new KeySource[] { TestKeys.Merchant.ExportRSAPrivateKeyPem(), TestKeys.MerchantPrivatePem, "file://" + path, TestKeys.Merchant })
            {
                var options = TestKeys.Options();
                options.PrivateKey = source;
                Assert.That(Builder.Factory(options), Is.Not.Null, source.ToString());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Names_the_missing_file_of_a_file_reference()
    {
        var options = TestKeys.Options();
        options.PrivateKey = "file:///no/such/dir/apiclient_key.pem";
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("/no/such/dir/apiclient_key.pem"));
    }

    [TestCase("/etc/wechatpay/apiclient_key.pem")]
    [TestCase("./apiclient_key.pem")]
    [TestCase("apiclient_key.pem")]
    [TestCase(@"C:\keys\apiclient_key.pem")]
    public void Tells_to_write_file_before_a_private_key_path_given_bare(string path)
    {
        var options = TestKeys.Options();
        options.PrivateKey = path;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("PrivateKey"));
        Assert.That(error.Message, Does.Contain($"file://{path}").And.Contain("a path needs file:// before it"));
    }

    [Test]
    public void Tells_to_write_file_before_a_platform_key_path_given_bare()
    {
        var options = TestKeys.Options();
        var name = options.Certs.Keys.First();
        options.Certs[name] = "/etc/wechatpay/pub_key.pem";
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("file:///etc/wechatpay/pub_key.pem"));
    }

    [Test]
    public void Gives_no_path_hint_for_garbled_key_text()
    {
        var options = TestKeys.Options();
        options.PrivateKey = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Not.Contain("file://").And.Not.Contain("MIIEvQ"));
    }

    [Test]
    public void Rejects_a_certificate_filed_under_another_serial()
    {
        var options = TestKeys.Options();
        options.Certs.Clear();
        options.Certs["7132D72A03E93CDDF8C03BBD1F37EEDF2F9E1DA0"] = TestKeys.PlatformCertificatePem;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.Message, Does.Contain("Certs entry 1 of 1").And.Contain(TestKeys.PlatformSerial));
        Assert.That(error.Message, Does.Not.Contain("7132D72A03E93CDDF8C03BBD1F37EEDF2F9E1DA0"), "a Certs name is never quoted: a key may have been put there");
    }

    [Test]
    public void Rejects_a_private_key_among_the_certs_without_quoting_it()
    {
        var options = TestKeys.Options();
        options.Certs[TestKeys.PublicKeyId] = TestKeys.MerchantPrivatePem;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("Certs"));
        Assert.That(error.Message, Does.Contain("Certs entry 2 of 2, a PUB_KEY_ID_ id,").And.Contain("PEM text (PRIVATE KEY)"));
        Assert.That(error.ToString(), Does.Not.Contain(KeyBody(TestKeys.MerchantPrivatePem)));
    }

    [TestCase("PUB_KEY_ID_")]
    [TestCase("pub-key-0114")]
    [TestCase("")]
    public void Rejects_a_cert_name_that_is_neither_serial_nor_public_key_id(string name)
    {
        var options = TestKeys.Options();
        options.Certs[name] = TestKeys.WechatpayPublicKeyPem;
        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
        Assert.That(error!.ParamName, Is.EqualTo("Certs"));
        Assert.That(error.Message, Does.StartWith("Certs entry 3 of 3 is named by "));
    }

    [Test]
    public void Accepts_loaded_certificates_and_keys_as_certs()
    {
        var options = TestKeys.Options();
        options.Certs.Clear();
        options.Certs[TestKeys.PlatformSerial] = TestKeys.PlatformCertificate;
        options.Certs[TestKeys.PublicKeyId] = TestKeys.WechatpayPublicKey;
        Assert.That(Builder.Factory(options), Is.Not.Null);
    }

    [Test]
    public void Rejects_a_base_uri_that_is_not_http()
    {
        var options = TestKeys.Options(baseUri: new Uri("ftp://api.mch.weixin.qq.com/"));
        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("BaseUri"));
    }

    [Test]
    public void Options_and_key_sources_describe_themselves_without_key_material()
    {
        var options = TestKeys.Options();
        var text = options.ToString();
        Assert.That(text, Does.Contain("Mchid = a 10-digit number").And.Contain("PrivateKey = PEM text (PRIVATE KEY)")
            .And.Contain("Certs = 2 [PEM text (CERTIFICATE), PEM text (PUBLIC KEY)]").And.Contain("BaseUri = (default)"));
        Assert.That(text, Does.Not.Contain(TestKeys.Mchid).And.Not.Contain(TestKeys.PublicKeyId).And.Not.Contain(TestKeys.MerchantSerial), "never a value, not even an id");
        Assert.That(text, Does.Not.Contain("BEGIN").And.Not.Contain(KeyBody(TestKeys.MerchantPrivatePem)));
        Assert.That(((KeySource)"file:///etc/wechatpay/apiclient_key.pem").ToString(), Is.EqualTo("file:///etc/wechatpay/apiclient_key.pem"));
    }
}
