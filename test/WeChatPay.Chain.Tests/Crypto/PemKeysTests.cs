using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Tests.Crypto;

/// <summary>Telling an EC (SM2) key from an RSA one without BouncyCastle, in every form a key is given.</summary>
public class PemKeysTests
{
    private static readonly Sm2TestKeys Sm2Keys = new();

    [Test]
    public void Finds_an_sm2_key_in_sec1_pkcs8_spki_and_certificate_form()
    {
        Assert.That(PemKeys.IsEcKey(Sm2Keys.Sec1Pem), Is.True, "SEC1");
        Assert.That(PemKeys.IsEcKey(Sm2Keys.Pkcs8Pem), Is.True, "PKCS#8");
        Assert.That(PemKeys.IsEcKey(Sm2Keys.SpkiPem), Is.True, "SPKI");
        Assert.That(PemKeys.IsEcKey(Sm2Keys.CertificatePem), Is.True, "certificate");
    }

    [Test]
    public void Finds_a_nist_ec_key_and_certificate_so_the_sm2_loader_can_name_the_curve()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = new CertificateRequest("CN=ec", ec, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.That(PemKeys.IsEcKey(ec.ExportECPrivateKeyPem()), Is.True);
        Assert.That(PemKeys.IsEcKey(ec.ExportPkcs8PrivateKeyPem()), Is.True);
        Assert.That(PemKeys.IsEcKey(ec.ExportSubjectPublicKeyInfoPem()), Is.True);
        Assert.That(PemKeys.IsEcKey(certificate.ExportCertificatePem()), Is.True);
    }

    [Test]
    public void Leaves_rsa_keys_and_certificates_and_anything_else_to_rsa()
    {
        using var rsa = RSA.Create(2048);
        var certificate = new CertificateRequest("CN=rsa", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.That(PemKeys.IsEcKey(rsa.ExportPkcs8PrivateKeyPem()), Is.False);
        Assert.That(PemKeys.IsEcKey(rsa.ExportRSAPrivateKeyPem()), Is.False);
        Assert.That(PemKeys.IsEcKey(rsa.ExportSubjectPublicKeyInfoPem()), Is.False);
        Assert.That(PemKeys.IsEcKey(certificate.ExportCertificatePem()), Is.False);
        Assert.That(PemKeys.IsEcKey("/etc/wechatpay/apiclient_key.pem"), Is.False);
        Assert.That(PemKeys.IsEcKey("-----BEGIN PRIVATE KEY-----\nMAoCAQA=\n-----END PRIVATE KEY-----"), Is.False, "truncated DER");
    }
}
