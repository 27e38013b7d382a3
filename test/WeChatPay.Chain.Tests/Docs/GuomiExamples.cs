// The examples of docs/guomi.md, compiled and run. Each #region is the page's code block of the same name.
using Flurl.Http.Testing;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class GuomiExamples
{
    private FakePlatform _platform = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync(new FakePlatformOptions { Sm2 = true });
        _folder = Directory.CreateTempSubdirectory("wechatpay-guomi-docs-").FullName;
        var credentials = _platform.Credentials;
        await File.WriteAllTextAsync(Path.Combine(_folder, "apiclient_key.pem"), credentials.Sm2MerchantKey!.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "pub_key.pem"), credentials.Sm2PublicKey!.PublicKey.ExportSubjectPublicKeyInfoPem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "wechatpay_sm2.pem"), credentials.Sm2PlatformCertificate);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _platform.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Configure_a_guomi_merchant()
    {
        var credentials = _platform.Credentials;
        var (merchantSerial, publicKeyId, platformSerial, folder) = (credentials.MerchantSerial, credentials.PublicKeyId, credentials.Sm2PlatformSerial!, _folder);
        using var http = new HttpTest();
        http.RespondSigned(credentials, """{"out_return_no":"R20190516001","result":"PROCESSING","amount":10}""", mode: SigningMode.PublicKey);
        #region guomi-configure
        dynamic wx = Builder.Factory(new BuilderOptions
        {
            Mchid = "1900000109",
            Serial = merchantSerial,                                    // 国密商户API证书序列号
            PrivateKey = $"file://{folder}/apiclient_key.pem",          // SM2 key (PKCS#8 or SEC1): signs WECHATPAY2-SM2-WITH-SM3
            Certs =
            {
                [publicKeyId] = $"file://{folder}/pub_key.pem",         // the SM2 WeChat Pay public key, by its PUB_KEY_ID_…
                [platformSerial] = $"file://{folder}/wechatpay_sm2.pem", // or SM2 platform certificates, by serial
            },
            ApiV3Key = credentials.ApiV3Key,                            // opens AEAD_SM4_GCM resources
        });

        var res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = "R20190516001", return_mchid = "86693852", amount = 10, description = "用户退款" },
        });
        #endregion
        var sent = http.CallLog.Single().HttpRequestMessage;
        Assert.That(sent.Headers.Authorization!.Scheme, Is.EqualTo("WECHATPAY2-SM2-WITH-SM3"));
        Assert.That(((WeChatPayResponse)res).Header("Wechatpay-Signature-Type"), Is.EqualTo("WECHATPAY2-SM2-WITH-SM3"), "verified with the SM2 public key, or it would have thrown");
    }

    [Test]
    public void Parse_a_guomi_notification()
    {
        var wx = Builder.Factory(_platform.ClientOptions());
        var sent = _platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "1217752501201407033233368018", trade_state = "SUCCESS" });
        IReadOnlyDictionary<string, string> headers = sent.Headers;
        var body = sent.Body;
        #region guomi-notification
        // resource.algorithm is AEAD_SM4_GCM and Wechatpay-Signature-Type is WECHATPAY2-SM2-WITH-SM3: nothing else changes
        Notice notice = Notification.Parse(wx, headers, body);
        string outTradeNo = notice.Data.out_trade_no;
        #endregion
        Assert.That(JObject.Parse(body)["resource"]!["algorithm"]!.ToString(), Is.EqualTo("AEAD_SM4_GCM"));
        Assert.That(outTradeNo, Is.EqualTo("1217752501201407033233368018"));
    }

    [Test]
    public async Task Renew_the_sm2_certificates()
    {
        _platform.SigningMode = SigningMode.PlatformCertificate;
        try
        {
            var options = _platform.ClientOptions();
            options.Certs.Clear();
            #region guomi-renewal
            options.AutoRenewCertificates = true;   // an SM2 merchant downloads GET /v3/certificates?algorithm_type=SM2
            dynamic wx = Builder.Factory(options);  // the first answer under an unknown serial bootstraps the set
            #endregion
            WeChatPayResponse res = await wx.V3.Profitsharing.Receivers.Add.PostAsync(new { json = new { appid = "wx8888888888888888", type = "PERSONAL_OPENID", account = "o-docs", relation_type = "USER" } });
            Assert.That(res.Header("Wechatpay-Serial"), Is.EqualTo(_platform.Credentials.Sm2PlatformSerial));
            Assert.That(_platform.Requests.Count(r => r.RawTarget == "/v3/certificates?algorithm_type=SM2"), Is.EqualTo(1));
        }
        finally
        {
            _platform.SigningMode = SigningMode.PublicKey;
        }
    }

    [Test]
    public async Task Seal_and_open_sensitive_fields()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        #region guomi-sensitive
        var res = await wx.V3.Profitsharing.Receivers.Add.PostAsync(new
        {
            json = new
            {
                appid = "wx8888888888888888",
                type = "MERCHANT_ID",
                account = "86693852",
                name = Sensitive.Of("腾讯财付通"),  // SM2_C1C3C2_ASN1 to an SM2 platform key; Wechatpay-Serial names it
                relation_type = "PARTNER",
            },
        });
        string name = Sensitive.Decrypt(wx, (string)res.Data.name); // opened with the merchant's SM2 key
        #endregion
        Assert.That(name, Is.EqualTo("腾讯财付通"));
        Assert.That(Sm2.Decrypt((string)JObject.Parse(_platform.Requests[^1].Body)["name"]!, _platform.Credentials.Sm2PublicKey!), Is.EqualTo("腾讯财付通"));
    }

    [Test]
    public async Task Test_against_the_fake_platform_in_sm_mode()
    {
        #region guomi-fake-platform
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { Sm2 = true });
        dynamic wx = Builder.Factory(platform.ClientOptions()); // SM2 merchant key, SM2 public key and certificate
        var res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = "R20190516001", return_mchid = "86693852", amount = 10, description = "用户退款" },
        });
        #endregion
        Assert.That(platform.Requests[^1].Headers["Authorization"], Does.StartWith("WECHATPAY2-SM2-WITH-SM3 "));
        Assert.That((string)res.Data.out_return_no, Is.EqualTo("R20190516001"));
    }
}
