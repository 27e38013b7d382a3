using Microsoft.Extensions.Configuration;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Hosting;

namespace WeChatPay.Chain.Tests.Configuration;

/// <summary>
/// <see cref="BuilderOptions"/> bound straight from <c>IConfiguration</c>: keys as <c>file://</c> paths or PEM text
/// bind like any other option, where they used to come back empty.
/// </summary>
public class ConfigurationBindingTests
{
    [Test]
    public async Task Binds_keys_and_certs_from_configuration_text()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var files = new MerchantFiles(platform, "WeChatPay");
        var settings = files.Settings.Where(s => !s.Key.Contains("TrustedRoots", StringComparison.Ordinal) && !s.Key.Contains(":Merchant:", StringComparison.Ordinal)).ToDictionary();
        settings["WeChatPay:Certs:" + platform.Credentials.PublicKeyId] = platform.Credentials.PublicKey.ExportSubjectPublicKeyInfoPem();  // PEM text beside file:// paths
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var options = configuration.GetSection("WeChatPay").Get<BuilderOptions>()!;
        options.TrustedRoots = [platform.Credentials.CertificateAuthority];

        Assert.That((options.PrivateKey?.Kind, options.Certs.Count), Is.EqualTo(("file", 2)));
        Assert.That(options.Certs[platform.Credentials.PublicKeyId].Kind, Does.StartWith("PEM text"));
        var answer = await Builder.Factory(options).Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o-bind", relation_type = "USER" } });
        Assert.That(answer.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void Binds_the_merchant_certificate_from_its_p12_path()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Merchant", "file:///etc/wechatpay/apiclient_cert.p12")]).Build();

        var options = configuration.Get<BuilderOptions>()!;

        Assert.That(options.Merchant?.ToString(), Does.Contain("apiclient_cert.p12"));
    }
}
