using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>What goes wrong with APIv2 against the fake platform, from both sides of the connection.</summary>
public class V2FailureTests
{
    private FakePlatform _platform = null!;

    [OneTimeSetUp]
    public async Task Start() => _platform = await FakePlatform.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    [SetUp]
    public void ClearFaults() => _platform.Faults.Clear();

    private static object Return(string number) => new
    {
        xml = new { mch_id = "1900000109", sub_mch_id = "1900000109", appid = "wx8888888888888888", out_order_no = "P20150806125346", out_return_no = number, return_account_type = "MERCHANT_ID", return_account = "86693852", return_amount = 1, description = "退款" },
        security = true,
    };

    private static string Number() => "R" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A hand-built, correctly signed request, sent with or without a client certificate.</summary>
    private async Task<Dictionary<string, string>> Raw(string path, Dictionary<string, string> fields, X509Certificate2? certificate, string signType = "HMAC-SHA256", string? body = null)
    {
        fields.TryAdd("mch_id", "1900000109");
        fields.TryAdd("nonce_str", Guid.NewGuid().ToString("N"));
        fields["sign_type"] = signType;
        fields["sign"] = V2.Sign(fields, signType, _platform.Credentials.ApiV2Key);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        if (certificate is not null)
        {
            handler.ClientCertificates.Add(certificate);
        }

        using var client = new HttpClient(handler);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("tests/1.0");
        using var response = await client.PostAsync(new Uri(_platform.BaseUri, path), new StringContent(body ?? V2.Answer(fields, signType: null), Encoding.UTF8, "text/xml"));
        return V2.Parse(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> ReturnFields() => new()
    {
        ["appid"] = "wx8888888888888888",
        ["out_order_no"] = "P20150806125346",
        ["out_return_no"] = Number(),
        ["return_account_type"] = "MERCHANT_ID",
        ["return_account"] = "86693852",
        ["return_amount"] = "1",
        ["description"] = "退款",
    };

    [Test]
    public async Task Platform_refuses_secapi_without_a_client_certificate()
    {
        var answer = await Raw("secapi/pay/profitsharingreturn", ReturnFields(), certificate: null);
        Assert.That(answer["return_code"], Is.EqualTo("FAIL"));
        Assert.That(answer["return_msg"], Does.StartWith("证书不存在"));
        Assert.That(answer.ContainsKey("sign"), Is.False, "a refusal is unsigned");
    }

    [Test]
    public async Task Platform_accepts_the_same_raw_request_with_the_merchant_certificate()
    {
        var answer = await Raw("secapi/pay/profitsharingreturn", ReturnFields(), _platform.Credentials.MerchantCertificate);
        Assert.That((answer["return_code"], answer["result_code"]), Is.EqualTo(("SUCCESS", "SUCCESS")));
    }

    [Test]
    public async Task Platform_refuses_a_catalogued_operation_outside_secapi_without_a_client_certificate()
    {
        var answer = await Raw("mmpaymkttransfers/promotion/transfers", new() { ["partner_trade_no"] = Number(), ["amount"] = "100" }, certificate: null);
        Assert.That(answer["return_msg"], Does.StartWith("证书不存在"));
    }

    [Test]
    public async Task Client_presents_the_certificate_to_such_an_operation_without_being_asked()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());

        // Past the certificate check, the fake platform checks the fields against the catalogue and answers.
        WeChatPayResponse res = await wx.V2.Mmpaymkttransfers.Promotion.Transfers.PostAsync(new
        {
            xml = new { mch_appid = "wx8888888888888888", mchid = "1900000109", partner_trade_no = Number(), openid = "o1", check_name = "NO_CHECK", amount = 100, desc = "理赔", spbill_create_ip = "192.168.0.1" },
        });

        Assert.That((string)res.Data!.result_code, Is.EqualTo("SUCCESS"));
        Assert.That(_platform.Requests[^1].Accepted, Is.True, "the platform found the merchant certificate on the connection");
    }

    [Test]
    public void Client_with_a_certificate_from_another_ca_is_refused()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=1900000109", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var stranger = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var options = _platform.ClientOptions();
        options.Merchant = MerchantCertificate.FromCertificate(X509CertificateLoader.LoadPkcs12(stranger.Export(X509ContentType.Pkcs12), null));
        dynamic wx = Builder.Factory(options);

        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => (Task)wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(Return(Number())));
        Assert.That(error!.ReturnMsg, Does.StartWith("证书错误"));
    }

    [Test]
    public void Client_with_the_wrong_apiv2_key_is_refused_as_a_bad_sign()
    {
        var options = _platform.ClientOptions();
        options.Secret = new string('x', 32);
        dynamic wx = Builder.Factory(options);

        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => (Task)wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(Return(Number())));
        Assert.That(error!.ReturnCode, Is.EqualTo("FAIL"));
        Assert.That(error.ReturnMsg, Does.StartWith("签名错误"));
    }

    [Test]
    public async Task Platform_refuses_md5_where_hmac_is_required_and_the_client_never_sends_it()
    {
        var answer = await Raw("secapi/pay/profitsharingreturn", ReturnFields(), _platform.Credentials.MerchantCertificate, signType: "MD5");
        Assert.That(answer["return_msg"], Does.StartWith("签名类型错误"));

        dynamic wx = Builder.Factory(_platform.ClientOptions());
        var before = _platform.Requests.Count;
        Assert.ThrowsAsync<ArgumentException>(() => (Task)wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(new { xml = new { mch_id = "1900000109", sign_type = "MD5" }, security = true }));
        Assert.That(_platform.Requests, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task Platform_refuses_xml_with_a_dtd()
    {
        const string xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><mch_id>&xxe;</mch_id></xml>""";
        var answer = await Raw("pay/orderquery", [], null, "MD5", body: xxe);
        Assert.That(answer["return_code"], Is.EqualTo("FAIL"));
        Assert.That(answer["return_msg"], Does.StartWith("XML格式错误"));
    }

    [Test]
    public async Task Platform_refuses_another_merchant_id()
    {
        var fields = ReturnFields();
        fields["mch_id"] = "1900000110";
        var answer = await Raw("secapi/pay/profitsharingreturn", fields, _platform.Credentials.MerchantCertificate);
        Assert.That(answer["return_msg"], Does.StartWith("mch_id参数错误"));
    }

    [Test]
    public async Task Platform_refuses_a_nonce_longer_than_32_characters()
    {
        var fields = ReturnFields();
        fields["nonce_str"] = new string('n', 33);
        var answer = await Raw("secapi/pay/profitsharingreturn", fields, _platform.Credentials.MerchantCertificate);
        Assert.That(answer["return_msg"], Does.StartWith("nonce_str"));
    }

    [TestCase(Fault.BadSignature, "HMAC-SHA256")]
    [TestCase(Fault.WrongKey, "HMAC-SHA256")]
    [TestCase(Fault.NoSignatureHeaders, null)]
    public void Client_rejects_a_tampered_answer(Fault fault, string? signType)
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        _platform.Faults.Inject(fault);
        var error = Assert.ThrowsAsync<InvalidResponseSignException>(() => (Task)wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(Return(Number())));
        Assert.That(error!.SignType, Is.EqualTo(signType));
    }

    [TestCase("MD5")]
    [TestCase("HMAC-SHA256")]
    public async Task Queries_an_order_with_either_sign_type(string signType)
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        WeChatPayResponse res = await wx.V2.Pay.Orderquery.PostAsync(new { xml = new { appid = "wxd930ea5d5a258f4f", mch_id = "1900000109", out_trade_no = "20150806125346", sign_type = signType } });
        Assert.That(((string)res.Data!.trade_state, (string)res.Data.total_fee), Is.EqualTo(("SUCCESS", "1")));
        Assert.That(res.Data.sign_type?.ToString() ?? "MD5", Is.EqualTo(signType));
    }

    [Test]
    public void An_unknown_order_is_a_business_failure()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => (Task)wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "1900000109", out_trade_no = "NO-SUCH" } }));
        Assert.That((error!.ResultCode, error.ErrCode), Is.EqualTo(("FAIL", "ORDERNOTEXIST")));
    }

    [Test]
    public void A_v2_parameter_error_names_the_field()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => (Task)wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(new { xml = new { mch_id = "1900000109", appid = "wx8888888888888888", out_order_no = "P20150806125346", out_return_no = Number(), return_account_type = "MERCHANT_ID", return_account = "86693852", description = "x" }, security = true }));
        Assert.That(error!.ErrCode, Is.EqualTo("PARAM_ERROR"));
        Assert.That(error.ErrCodeDes, Does.Contain("return_amount"));
    }

    [Test]
    public void A_v2_return_without_appid_is_refused_as_the_platform_refuses_it()
    {
        dynamic wx = Builder.Factory(_platform.ClientOptions());
        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => (Task)wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(new { xml = new { mch_id = "1900000109", out_order_no = "P20150806125346", out_return_no = Number(), return_account_type = "MERCHANT_ID", return_account = "86693852", return_amount = 1, description = "x" }, security = true }));
        Assert.That(error!.ErrCode, Is.EqualTo("PARAM_ERROR"));
        Assert.That(error.ErrCodeDes, Does.Contain("appid"));
    }

    [Test]
    public void Merchant_p12_with_the_wrong_password_fails_at_the_factory_without_showing_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apiclient-{Guid.NewGuid():N}.p12");
        File.WriteAllBytes(path, _platform.Credentials.MerchantCertificate.Export(X509ContentType.Pkcs12, "right-password"));
        try
        {
            var options = _platform.ClientOptions();
            options.Merchant = new MerchantCertificate(path, "wrong-password-1234");
            var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));
            Assert.That(error!.ParamName, Is.EqualTo("Merchant"));
            Assert.That(error.ToString(), Does.Not.Contain("wrong-password-1234").And.Not.Contain("right-password"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
