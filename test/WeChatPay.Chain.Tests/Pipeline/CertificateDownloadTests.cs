using System.Security.Cryptography.X509Certificates;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary><c>Certificates.DownloadAsync</c>: one download, decrypted and verified, for tools that save the certificates.</summary>
public class CertificateDownloadTests
{
    [Test]
    public async Task Downloads_the_platform_certificate_with_no_certificate_in_advance()
    {
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { SigningMode = SigningMode.PlatformCertificate });
        var options = platform.ClientOptions();
        options.Certs.Clear();
        options.AutoRenewCertificates = true;

        var certificates = await Certificates.DownloadAsync(Builder.Factory(options));

        Assert.That(certificates.Select(c => (c.Serial, c.Algorithm)), Is.EqualTo(new[] { (platform.Credentials.PlatformSerial, "RSA") }));
        using var saved = X509Certificate2.CreateFromPem(certificates[0].Pem);
        Assert.That(saved.RawData, Is.EqualTo(platform.Credentials.PlatformCertificate.RawData));
        Assert.That(certificates[0].ExpireTime, Is.EqualTo(new DateTimeOffset(saved.NotAfter.ToUniversalTime())));
    }

    [Test]
    public async Task Downloads_the_sm2_set_for_a_guomi_merchant_and_both_sets_when_asked()
    {
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { Sm2 = true, SigningMode = SigningMode.PlatformCertificate });
        var wx = Builder.Factory(platform.ClientOptions());

        var own = await Certificates.DownloadAsync(wx);
        var all = await Certificates.DownloadAsync(wx, "ALL");

        Assert.That(own.Select(c => (c.Serial, c.Algorithm)), Is.EqualTo(new[] { (platform.Credentials.Sm2PlatformSerial!.ToUpperInvariant(), "SM2") }));
        Assert.That(all.Select(c => c.Algorithm), Is.EquivalentTo(new[] { "RSA", "SM2" }));
        Assert.That(platform.Requests.Select(r => r.RawTarget), Is.EqualTo(new[] { "/v3/certificates?algorithm_type=SM2", "/v3/certificates?algorithm_type=ALL" }));
    }

    [Test]
    public async Task Refuses_a_download_whose_certificates_do_not_decrypt_with_the_apiv3_key()
    {
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { SigningMode = SigningMode.PlatformCertificate });
        var options = platform.ClientOptions();
        options.ApiV3Key = new string('k', 32);

        Assert.ThrowsAsync(Is.InstanceOf<System.Security.Cryptography.CryptographicException>(), () => Certificates.DownloadAsync(Builder.Factory(options)));
    }

    [Test]
    public async Task Names_the_missing_apiv3_key_before_sending()
    {
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { SigningMode = SigningMode.PlatformCertificate });
        var options = platform.ClientOptions();
        options.ApiV3Key = null;

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Certificates.DownloadAsync(Builder.Factory(options)));

        Assert.That(error!.Message, Does.Contain("ApiV3Key"));
        Assert.That(platform.Requests, Is.Empty);
    }
}
