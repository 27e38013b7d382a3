// The examples of docs/getting-started.md, compiled and run. Each #region is the page's code block of the same name.
using Flurl.Http.Testing;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class GettingStartedExamples
{
    private FakePlatform _platform = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _folder = Directory.CreateTempSubdirectory("wechatpay-docs-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_folder, "apiclient_key.pem"), _platform.Credentials.MerchantKey.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "pub_key.pem"), _platform.Credentials.PublicKey.ExportSubjectPublicKeyInfoPem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "wechatpay_platform.pem"), _platform.Credentials.PlatformCertificate.ExportCertificatePem());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _platform.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Public_key_mode_from_files()
    {
        var (merchantSerial, publicKeyId, folder) = (_platform.Credentials.MerchantSerial, _platform.Credentials.PublicKeyId, _folder);
        #region configure-public-key
        dynamic wx = Builder.Factory(new BuilderOptions
        {
            Mchid = "1900000109",
            Serial = merchantSerial,                                  // 商户API证书序列号
            PrivateKey = $"file://{folder}/apiclient_key.pem",        // 商户API私钥
            Certs = { [publicKeyId] = $"file://{folder}/pub_key.pem" }, // 微信支付公钥, by its PUB_KEY_ID_…
        });
        #endregion
        WeChatPayResponse res = await Reach(wx);
        Assert.That(res.Header("Wechatpay-Serial"), Is.EqualTo(publicKeyId));
    }

    [Test]
    public async Task Platform_certificate_mode_from_pem_text()
    {
        _platform.SigningMode = SigningMode.PlatformCertificate;
        var (merchantSerial, platformSerial) = (_platform.Credentials.MerchantSerial, _platform.Credentials.PlatformSerial);
        var privateKeyPem = await File.ReadAllTextAsync(Path.Combine(_folder, "apiclient_key.pem"));
        var certificatePem = await File.ReadAllTextAsync(Path.Combine(_folder, "wechatpay_platform.pem"));
        try
        {
            #region configure-platform-certificate
            dynamic wx = Builder.Factory(new BuilderOptions
            {
                Mchid = "1900000109",
                Serial = merchantSerial,
                PrivateKey = privateKeyPem,                  // PEM text works as well as file://
                Certs = { [platformSerial] = certificatePem }, // 平台证书, by its serial
            });
            #endregion
            WeChatPayResponse res = await Reach(wx);
            Assert.That(res.Header("Wechatpay-Serial"), Is.EqualTo(platformSerial));
        }
        finally
        {
            _platform.SigningMode = SigningMode.PublicKey;
        }
    }

    [Test]
    public async Task First_call()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        #region first-call
        var res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new
        {
            json = new
            {
                out_order_no = "P20150806125346",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "用户退款",
            },
        });
        Console.WriteLine($"{res.StatusCode} {res.Data.result} {res.Data.return_id}"); // 200 PROCESSING 30084…
        ReturnOrder order = res.As<ReturnOrder>();                                       // or read it into your own type
        #endregion
        Assert.That(order.Result, Is.EqualTo("PROCESSING"));
    }

    [Test]
    public async Task Ported_verbs()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        var returned = new { out_order_no = "P20150806125346", out_return_no = "R20190516003", return_mchid = "86693852", amount = 10, description = "用户退款" };
        #region ported-verbs
        // PHP:  $instance->v3->profitsharing->returnOrders->post(['json' => $returned]);
        WeChatPayResponse res = wx.V3.Profitsharing.ReturnOrders.post(new { json = returned });

        // Node: await wxpay.v3.profitsharing.returnOrders._out_return_no_.get({ params: { out_order_no } });
        var query = await wx.V3.Profitsharing.ReturnOrders._out_return_no_.getAsync(new
        {
            out_return_no = "R20190516003",
            query = new { out_order_no = "P20150806125346" },
        });
        #endregion
        Assert.That(((int)query.StatusCode, (string)query.Data.out_return_no), Is.EqualTo((200, res.As<ReturnOrder>().Out_return_no)));
    }

    [Test]
    public void Not_catalogued()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
#pragma warning disable WCP001 // the example's typo is on purpose: it shows what the run time says (the analyzer says it first)
        #region not-catalogued
        var e = Assert.ThrowsAsync<WeChatPayApiException>(() => wx.V3.Profitsharing.ReturnOrder._out_return_no_
            .GetAsync(new { out_return_no = "R1", query = new { out_order_no = "P20150806125346" } }));
        // … v3/profitsharing/return-order/{out_return_no} (the path as the chain built it) is not in the WeChat Pay
        // catalogue; did you mean v3/profitsharing/return-orders/{out_return_no} (wx.V3.Profitsharing.ReturnOrders._out_return_no_)?
        Assert.That(e!.Suggestions[0], Is.EqualTo("v3/profitsharing/return-orders/{out_return_no}"));
        #endregion
#pragma warning restore WCP001
        Assert.That(e.Message, Does.Contain("did you mean v3/profitsharing/return-orders/{out_return_no} (wx.V3.Profitsharing.ReturnOrders._out_return_no_)"));
    }

    [Test]
    public async Task Errors()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        var messages = new List<string>();
        #region errors
        try
        {
            await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P20150806125346", out_return_no = "R2", return_mchid = "86693852", amount = 0, description = "x" } });
        }
        catch (WeChatPayApiException e)                // the platform said no: 400 PARAM_ERROR here
        {
            messages.Add($"{e.StatusCode} {e.Code} {e.PlatformMessage} {e.Detail} (Request-ID {e.RequestId})");
        }
        catch (ResponseVerificationException e)        // the answer is not provably the platform's: never trust it
        {
            messages.Add($"{e.GetType().Name}: {e.Message}");
        }
        #endregion
        Assert.That(messages.Single(), Does.StartWith("400 PARAM_ERROR"));
    }

    [Test]
    public async Task Testing_with_the_fake_platform()
    {
        #region testing-fake-platform
        await using var platform = await FakePlatform.StartAsync();   // Kestrel on 127.0.0.1, fresh test keys
        dynamic wx = Builder.Factory(platform.ClientOptions());

        platform.Faults.Inject(Fault.ServerError);                    // the next call gets 500 SYSTEM_ERROR
        var failed = Assert.ThrowsAsync<WeChatPayApiException>(() => wx.V3.Profitsharing.ReturnOrders._out_return_no_
            .GetAsync(new { out_return_no = "R1", query = new { out_order_no = "P20150806125346" } }));

        Assert.That(failed!.Code, Is.EqualTo("SYSTEM_ERROR"));
        Assert.That(platform.Requests[^1].Accepted, Is.True);        // the signature was judged good
        #endregion
    }

    [Test]
    public async Task Testing_any_catalogued_operation_with_the_fake_platform()
    {
        await using var platform = await FakePlatform.StartAsync();
        dynamic wx = Builder.Factory(platform.ClientOptions());

        #region testing-fake-catalogue
        var refused = Assert.ThrowsAsync<WeChatPayApiException>(() => wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_
            .GetAsync(new { out_trade_no = "T1" }));                   // mchid left out of the query
        Assert.That((string)refused!.Detail!["field"]!, Is.EqualTo("mchid"));   // 400 PARAM_ERROR, naming it

        var res = await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_
            .GetAsync(new { out_trade_no = "T1", query = new { mchid = platform.Credentials.Mchid } });
        Assert.That((string)res.Data.out_trade_no, Is.EqualTo("T1"));           // echoed; the rest from the examples
        Assert.That((string)res.Data.trade_state, Is.Not.Empty);
        #endregion
    }

    [Test]
    public async Task Testing_with_HttpTest()
    {
        #region testing-httptest
        var keys = Credentials.Generate();                            // test keys, no server
        dynamic wx = Builder.Factory(keys.ClientOptions());
        using var http = new HttpTest();
        http.RespondSigned(keys, """{"result":"SUCCESS"}""");          // signed like the platform's answer

        var res = await wx.V3.Profitsharing.ReturnOrders._out_return_no_
            .GetAsync(new { out_return_no = "R1", query = new { out_order_no = "P1" } });

        http.ShouldHaveCalled("https://api.mch.weixin.qq.com/v3/profitsharing/return-orders/R1")
            .WithQueryParam("out_order_no", "P1")
            .WithHeader("Authorization");
        Assert.That((string)res.Data.result, Is.EqualTo("SUCCESS"));
        #endregion
    }

    /// <summary>
    /// Proves an instance configured for the real host signs and verifies with the keys it loaded, without sending
    /// anywhere but where it was configured to: its request is captured (HttpTest) and replayed to the fake platform,
    /// which judges the signature, and the instance verifies an answer the platform's keys signed.
    /// </summary>
    private async Task<WeChatPayResponse> Reach(dynamic wx)
    {
        using var http = new HttpTest();
        http.RespondSigned(_platform.Credentials, """{"out_return_no":"R-docs","result":"PROCESSING","amount":1}""", mode: _platform.SigningMode);
        WeChatPayResponse res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = "R-docs", return_mchid = "86693852", amount = 1, description = "docs" },
        });

        var sent = http.CallLog.Single();
        Assert.That(sent.HttpRequestMessage.RequestUri!.Host, Is.EqualTo("api.mch.weixin.qq.com"));
        using var replay = new HttpRequestMessage(HttpMethod.Post, new Uri(_platform.HttpBaseUri, sent.HttpRequestMessage.RequestUri.PathAndQuery))
        {
            Content = new StringContent(sent.RequestBody, System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var (name, values) in sent.HttpRequestMessage.Headers)
        {
            replay.Headers.TryAddWithoutValidation(name, values);
        }

        using var direct = new HttpClient();
        using var judged = await direct.SendAsync(replay);
        Assert.That(_platform.Requests[^1].Accepted, Is.True, "the platform judged the instance's signature good");
        return res;
    }

    public sealed record ReturnOrder(string Out_return_no, string Result, long Amount);
}
