using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Cli;

/// <summary><c>wechatpay certificates download</c>: decrypted, verified, saved as &lt;serial&gt;.pem.</summary>
public class CertificatesCommandTests : CliPlatformFixture
{
    protected override FakePlatformOptions PlatformOptions => new() { Sm2 = true, SigningMode = SigningMode.PlatformCertificate };

    [Test]
    public async Task Saves_each_certificate_as_pem_named_by_serial_with_no_certificate_in_advance()
    {
        var folder = Path.Combine(Cli.Home, "downloaded");
        var merchant = new Dictionary<string, string>(Merchant);
        merchant.Remove("platformCerts");
        merchant.Remove("publicKeyId");
        merchant.Remove("publicKey");

        var result = await Cli.RunAsync([.. CliRun.Options(merchant), "certificates", "download", "--algorithm", "ALL", "-o", folder]);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        var credentials = Platform.Credentials;
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { credentials.PlatformSerial + ".pem", credentials.Sm2PlatformSerial!.ToUpperInvariant() + ".pem" }));
        Assert.That(File.ReadAllText(Path.Combine(folder, credentials.PlatformSerial + ".pem")), Is.EqualTo(credentials.PlatformCertificate.ExportCertificatePem()));
        Assert.That(result.Out, Does.Contain("2 certificate(s) decrypted, the answer's signature verified"));
        Assert.That(result.Out, Does.Contain($"│ {credentials.PlatformSerial} │ RSA "));
    }

    [Test]
    public async Task Downloads_the_sm2_set_for_a_guomi_merchant_and_calls_with_it()
    {
        var folder = Path.Combine(Cli.Home, "sm2");

        var download = await Cli.RunAsync([.. CliRun.Options(Merchant), "certificates", "download", "-o", folder]);
        var merchant = new Dictionary<string, string>(Merchant) { ["platformCerts"] = folder };
        merchant.Remove("publicKeyId");
        merchant.Remove("publicKey");
        var call = await Cli.RunAsync([.. CliRun.Options(merchant), "call", "v3/profitsharing/receivers/add", "--json", """{"type":"PERSONAL_OPENID","account":"o1","relation_type":"USER"}"""]);

        Assert.That(download.Code, Is.EqualTo(0), download.All);
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { Platform.Credentials.Sm2PlatformSerial!.ToUpperInvariant() + ".pem" }));
        Assert.That(Platform.Requests[0].RawTarget, Is.EqualTo("/v3/certificates?algorithm_type=SM2"));
        Assert.That(call.Code, Is.EqualTo(0), call.All);
        Assert.That(call.Out, Does.Contain("signature by " + Platform.Credentials.Sm2PlatformSerial!.ToUpperInvariant()).IgnoreCase);
    }

    [Test]
    public async Task Names_the_apiv3_key_settings_when_it_is_missing()
    {
        var merchant = new Dictionary<string, string>(Merchant);
        merchant.Remove("apiV3Key");

        var result = await Cli.RunAsync([.. CliRun.Options(merchant), "certificates", "download", "-o", Path.Combine(Cli.Home, "none")]);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--apiv3-key (or WECHATPAY_APIV3_KEY, or profile field \"apiV3Key\") is required"));
        Assert.That(Platform.Requests, Is.Empty);
    }

    [Test]
    public async Task Fails_without_writing_when_the_merchant_uses_the_wechatpay_public_key()
    {
        Platform.SigningMode = SigningMode.PublicKey;
        var folder = Path.Combine(Cli.Home, "none");

        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "certificates", "download", "-o", folder]);

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("RESOURCE_NOT_EXISTS"));
        Assert.That(Directory.Exists(folder), Is.False);
    }
}
