using System.Security.Cryptography;
using System.Text;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Crypto;

public class RsaTests
{
    private static string Signed(RSA key) => Rsa.Sign("probe\n", key);

    [Test]
    public void Loads_keys_from_every_scheme_the_php_sdk_takes()
    {
        var merchant = TestKeys.Merchant;
        var expected = Signed(merchant);
        using var pkcs1 = Rsa.From("private.pkcs1://" + Convert.ToBase64String(merchant.ExportRSAPrivateKey()));
        using var pkcs8 = Rsa.From("private.pkcs8://" + Convert.ToBase64String(merchant.ExportPkcs8PrivateKey()));
        using var pem = Rsa.From(TestKeys.MerchantPrivatePem);
        Assert.That(new[] { Signed(pkcs1), Signed(pkcs8), Signed(pem) }, Has.All.EqualTo(expected), "PKCS#1 v1.5 signatures are deterministic");

        using var publicPkcs1 = Rsa.From("public.pkcs1://" + Convert.ToBase64String(merchant.ExportRSAPublicKey()));
        using var spki = Rsa.From("public.spki://" + Convert.ToBase64String(merchant.ExportSubjectPublicKeyInfo()));
        using var certificate = Rsa.From(TestKeys.PlatformCertificatePem);
        Assert.That(Rsa.Verify("probe\n", expected, publicPkcs1) && Rsa.Verify("probe\n", expected, spki), Is.True);
        Assert.That(Rsa.Verify("probe\n", Signed(TestKeys.Platform), certificate), Is.True);
    }

    [Test]
    public void Refuses_a_scheme_body_that_is_not_base64() =>
        Assert.Throws<CryptographicException>(() => Rsa.From("public.spki://not base64!"));

    [Test]
    public void Refuses_der_of_another_kind() =>
        Assert.Catch<CryptographicException>(() => Rsa.From("private.pkcs1://" + Convert.ToBase64String(TestKeys.Merchant.ExportSubjectPublicKeyInfo())));

    [Test]
    public void Encrypts_sensitive_fields_with_oaep_sha1_only()
    {
        var ciphertext = Rsa.Encrypt("张三", TestKeys.WechatpayPublicKey);
        var plain = TestKeys.WechatpayPublicKey.Decrypt(Convert.FromBase64String(ciphertext), RSAEncryptionPadding.OaepSHA1);
        Assert.That(Encoding.UTF8.GetString(plain), Is.EqualTo("张三"));
        Assert.That(Rsa.Decrypt(ciphertext, TestKeys.WechatpayPublicKey), Is.EqualTo("张三"));
        Assert.That(Rsa.Encrypt("张三", TestKeys.WechatpayPublicKey), Is.Not.EqualTo(ciphertext), "OAEP is randomised");
    }

    [Test]
    public void Refuses_pkcs1_v1_5_encryption()
    {
        var error = Assert.Throws<NotSupportedException>(() => Rsa.Encrypt("张三", TestKeys.WechatpayPublicKey, RSAEncryptionPadding.Pkcs1));
        Assert.That(error!.Message, Does.Contain("Bleichenbacher"));
        Assert.That(Rsa.Decrypt(Rsa.Encrypt("x", TestKeys.WechatpayPublicKey, RSAEncryptionPadding.OaepSHA1), TestKeys.WechatpayPublicKey), Is.EqualTo("x"));
    }

    [Test]
    public void Does_not_decrypt_with_another_key() =>
        Assert.Catch<CryptographicException>(() => Rsa.Decrypt(Rsa.Encrypt("张三", TestKeys.WechatpayPublicKey), TestKeys.Merchant));
}
