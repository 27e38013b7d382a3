// The example of docs/certificates.md, compiled and run against the fake platform.
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class CertificatesExamples
{
    [Test]
    public async Task Auto_renewal()
    {
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { SigningMode = SigningMode.PlatformCertificate });
        var given = platform.ClientOptions();
        var (mchid, serial, privateKey, apiV3Key) = (given.Mchid, given.Serial, given.PrivateKey, given.ApiV3Key);
        #region certificates-auto-renew
        var options = new BuilderOptions
        {
            Mchid = mchid,
            Serial = serial,
            PrivateKey = privateKey,
            ApiV3Key = apiV3Key,                                   // decrypts the downloaded certificates
            AutoRenewCertificates = true,                          // Certs may start empty
            CertificateRenewalInterval = TimeSpan.FromHours(12),   // the default
        };
        #endregion
        options.BaseUri = given.BaseUri;
        options.TrustedRoots = given.TrustedRoots;
        IChainNode wx = Builder.Factory(options);
        var res = await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { appid = "wx8888888888888888", type = "PERSONAL_OPENID", account = "o1", relation_type = "USER" } });
        Assert.That(res.Header("Wechatpay-Serial"), Is.EqualTo(platform.Credentials.PlatformSerial));
    }
}
