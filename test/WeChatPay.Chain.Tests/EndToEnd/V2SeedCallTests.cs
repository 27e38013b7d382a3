using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>
/// The APIv2 seed call, <c>v2/secapi/pay/profitsharingreturn</c>, in the three styles, sync and async, over mutual
/// TLS against the fake platform, with the merchant certificate as a modern <c>.p12</c>, a legacy 3DES one, and a
/// PEM pair.
/// </summary>
[TestFixture("p12 (AES-256)")]
[TestFixture("p12 (legacy 3DES)")]
[TestFixture("PEM pair")]
public class V2SeedCallTests(string form)
{
    private FakePlatform _platform = null!;
    private string _folder = null!;
    private dynamic _wx = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _folder = Directory.CreateTempSubdirectory("wechatpay-v2-").FullName;
        var options = _platform.ClientOptions();
        options.Merchant = await Certificate(_platform.Credentials, form, _folder);
        _wx = Builder.Factory(options);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _platform.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The merchant certificate written to disk in <paramref name="form"/>, as WeChat Pay hands it out.</summary>
    internal static async Task<MerchantCertificate> Certificate(Credentials credentials, string form, string folder)
    {
        var certificate = credentials.MerchantCertificate;
        switch (form)
        {
            case "p12 (AES-256)":
                await File.WriteAllBytesAsync(Path.Combine(folder, "apiclient_cert.p12"), certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, credentials.Mchid));
                return new MerchantCertificate("file://" + Path.Combine(folder, "apiclient_cert.p12"));
            case "p12 (legacy 3DES)":
                await File.WriteAllBytesAsync(Path.Combine(folder, "apiclient_cert.p12"), certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pkcs12TripleDesSha1, credentials.Mchid));
                return new MerchantCertificate(Path.Combine(folder, "apiclient_cert.p12"), credentials.Mchid);
            default:
                await File.WriteAllTextAsync(Path.Combine(folder, "apiclient_cert.pem"), certificate.ExportCertificatePem());
                await File.WriteAllTextAsync(Path.Combine(folder, "apiclient_key.pem"), certificate.GetRSAPrivateKey()!.ExportRSAPrivateKeyPem());
                return MerchantCertificate.FromPem("file://" + Path.Combine(folder, "apiclient_cert.pem"), "file://" + Path.Combine(folder, "apiclient_key.pem"));
        }
    }

    public static IEnumerable<TestCaseData> Styles()
    {
        yield return new TestCaseData("member chain, async", (Func<dynamic, object, Task<WeChatPayResponse>>)((wx, o) => wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(o)));
        yield return new TestCaseData("member chain, sync", (Func<dynamic, object, Task<WeChatPayResponse>>)((wx, o) => Task.FromResult<WeChatPayResponse>(wx.V2.Secapi.Pay.Profitsharingreturn.Post(o))));
        yield return new TestCaseData("Chain(), async", (Func<dynamic, object, Task<WeChatPayResponse>>)((wx, o) => wx.Chain("v2/secapi/pay/profitsharingreturn").PostAsync(o)));
        yield return new TestCaseData("Chain(), sync", (Func<dynamic, object, Task<WeChatPayResponse>>)((wx, o) => Task.FromResult<WeChatPayResponse>(wx.Chain("v2/secapi/pay/profitsharingreturn").Post(o))));
        yield return new TestCaseData("indexer, async", (Func<dynamic, object, Task<WeChatPayResponse>>)((wx, o) => wx["v2/secapi/pay/profitsharingreturn"].PostAsync(o)));
        yield return new TestCaseData("indexer, sync", (Func<dynamic, object, Task<WeChatPayResponse>>)((wx, o) => Task.FromResult<WeChatPayResponse>(wx["v2/secapi/pay/profitsharingreturn"].Post(o))));
    }

    [TestCaseSource(nameof(Styles))]
    public async Task Returns_a_share_over_mutual_tls(string style, Func<dynamic, object, Task<WeChatPayResponse>> call)
    {
        var number = "R" + Guid.NewGuid().ToString("N")[..16];
        var res = await call(_wx, new
        {
            xml = new
            {
                mch_id = "1900000109",
                sub_mch_id = "1900000109",
                appid = "wx8888888888888888",
                out_order_no = "P20150806125346",
                out_return_no = number,
                return_account_type = "MERCHANT_ID",
                return_account = "86693852",
                return_amount = 1,
                description = "用户退款",
            },
            security = true,
        });

        Assert.That((string)res.Data!.result, Is.EqualTo("PROCESSING"), style);
        Assert.That((string)res.Data.out_return_no, Is.EqualTo(number));
        Assert.That((string)res.Data.sign_type, Is.EqualTo("HMAC-SHA256"));
        var received = _platform.Requests[^1];
        Assert.That(received.Accepted, Is.True);
        Assert.That(received.Body, Does.Contain("<sign_type>HMAC-SHA256</sign_type>"));
        Assert.That(_platform.Requests[^1].RawTarget, Is.EqualTo("/secapi/pay/profitsharingreturn"));
    }
}
