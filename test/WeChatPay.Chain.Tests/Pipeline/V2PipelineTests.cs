using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>APIv2 calls under <see cref="HttpTest"/>: what is sent, signed as the platform checks it, and how answers are judged.</summary>
public class V2PipelineTests
{
    private dynamic _wx = null!;
    private HttpTest _http = null!;

    [SetUp]
    public void SetUp()
    {
        _wx = Builder.Factory(V2.Options());
        _http = new HttpTest();
    }

    [TearDown]
    public void TearDown() => _http.Dispose();

    private static Dictionary<string, string> Success(Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string> { ["return_code"] = "SUCCESS", ["return_msg"] = "OK", ["result_code"] = "SUCCESS", ["mch_id"] = "10000100", ["nonce_str"] = "n0nce" };
        foreach (var (k, v) in more ?? [])
        {
            fields[k] = v;
        }

        return fields;
    }

    private Dictionary<string, string> SentFields() => V2.Parse(_http.CallLog.Single().RequestBody!);

    [Test]
    public async Task Sends_xml_to_the_path_without_v2_and_signs_it_with_md5_by_default()
    {
        _http.RespondWith(V2.Answer(Success(new() { ["trade_state"] = "SUCCESS" })));

        WeChatPayResponse res = await _wx.V2.Pay.Orderquery.PostAsync(new { xml = new { appid = "wxd930ea5d5a258f4f", mch_id = "10000100", out_trade_no = "20150806125346" } });

        var call = _http.CallLog.Single();
        Assert.That(call.HttpRequestMessage.RequestUri!.PathAndQuery, Is.EqualTo("/pay/orderquery"));
        Assert.That(call.HttpRequestMessage.Content!.Headers.ContentType!.MediaType, Is.EqualTo("text/xml"));
        var sent = SentFields();
        Assert.That(sent["nonce_str"], Does.Match("^[0-9A-Za-z]{32}$"));
        Assert.That(sent.ContainsKey("sign_type"), Is.False, "MD5 is the platform's default and needs no sign_type");
        Assert.That(sent["sign"], Is.EqualTo(V2.Sign(sent, "MD5")));
        Assert.That((string)res.Data!.trade_state, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task Signs_profit_sharing_with_hmac_sha256_by_default()
    {
        _http.RespondWith(V2.Answer(Success(), "HMAC-SHA256"));

        await _wx["v2/pay/profitsharingquery"].PostAsync(new { xml = new { mch_id = "10000100", transaction_id = "4208450740201411110007820472", out_order_no = "P20150806125346" } });

        var sent = SentFields();
        Assert.That(sent["sign_type"], Is.EqualTo("HMAC-SHA256"));
        Assert.That(sent["sign"], Is.EqualTo(V2.Sign(sent, "HMAC-SHA256")));
    }

    [Test]
    public async Task Honours_a_given_sign_type_and_nonce()
    {
        _http.RespondWith(V2.Answer(Success(), "HMAC-SHA256"));
        await _wx.V2.Pay.Orderquery.PostAsync(new { xml = new Dictionary<string, object?> { ["mch_id"] = "10000100", ["sign_type"] = "HMAC-SHA256", ["nonce_str"] = "ibuaiVcKdpRxkhJA" } });
        var sent = SentFields();
        Assert.That((sent["nonce_str"], sent["sign"]), Is.EqualTo(("ibuaiVcKdpRxkhJA", V2.Sign(sent, "HMAC-SHA256"))));
    }

    [Test]
    public void Refuses_md5_where_the_platform_requires_hmac()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)_wx["v2/pay/profitsharingquery"].PostAsync(new { xml = new { mch_id = "10000100", sign_type = "MD5" } }));
        Assert.That(error!.ParamName, Is.EqualTo("sign_type"));
        Assert.That(_http.CallLog, Is.Empty);
    }

    [TestCase("mch_id")]
    [TestCase("mchid")]
    [TestCase("combine_mch_id")]
    public void Refuses_another_merchant_id(string field)
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { xml = new Dictionary<string, object?> { [field] = "1900000109" } }));
        Assert.That(error!.ParamName, Is.EqualTo(field));
        Assert.That(error.Message, Does.Contain("10000100"));
        Assert.That(_http.CallLog, Is.Empty);
    }

    [Test]
    public async Task Signs_and_sends_the_query_of_a_get()
    {
        _http.RespondWith(V2.Answer(Success()));
        await _wx["v2/pay/orderquery"].GetAsync(new { query = new { mch_id = "10000100", out_trade_no = "A 1" } });
        var uri = _http.CallLog.Single().HttpRequestMessage.RequestUri!;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var fields = query.AllKeys.ToDictionary(k => k!, k => query[k]!);
        Assert.That(fields["out_trade_no"], Is.EqualTo("A 1"));
        Assert.That(fields["sign"], Is.EqualTo(V2.Sign(fields, "MD5")));
    }

    [Test]
    public void Refuses_a_secapi_path_naming_merchant_on_an_instance_without_the_certificate()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)_wx["v2/secapi/pay/profitsharingreturn"].PostAsync(new { xml = new { mch_id = "10000100" } }));
        Assert.That(error!.ParamName, Is.EqualTo("Merchant"));
        Assert.That(error.Message, Does.Contain("POST v2/secapi/pay/profitsharingreturn requires the merchant API certificate").And.Contain("BuilderOptions.Merchant"));
        error = Assert.ThrowsAsync<ArgumentException>(() => (Task)_wx["v2/secapi/pay/profitsharingreturn"].PostAsync(new { xml = new { mch_id = "10000100" }, security = true }));
        Assert.That(error!.Message, Does.Contain("Merchant"));
        Assert.That(_http.CallLog, Is.Empty);
    }

    [Test]
    public void Raises_a_refused_request_with_its_return_msg()
    {
        _http.RespondWith(V2.Answer(new() { ["return_code"] = "FAIL", ["return_msg"] = "签名错误" }, signType: null));
        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100" } }));
        Assert.That((error!.ReturnCode, error.ReturnMsg), Is.EqualTo(("FAIL", "签名错误")));
        Assert.That(error.Message, Does.Contain("签名错误"));
    }

    [Test]
    public void Raises_a_business_failure_with_its_err_code()
    {
        _http.RespondWith(V2.Answer(Success(new() { ["result_code"] = "FAIL", ["err_code"] = "ORDERNOTEXIST", ["err_code_des"] = "此交易订单号不存在" })));
        var error = Assert.ThrowsAsync<WeChatPayResultException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100" } }));
        Assert.That((error!.ResultCode, error.ErrCode, error.ErrCodeDes), Is.EqualTo(("FAIL", "ORDERNOTEXIST", "此交易订单号不存在")));
    }

    [Test]
    public void Rejects_an_answer_whose_sign_was_tampered()
    {
        var answer = V2.Answer(Success(new() { ["total_fee"] = "1" })).Replace("<total_fee>1</total_fee>", "<total_fee>100</total_fee>", StringComparison.Ordinal);
        _http.RespondWith(answer);
        var error = Assert.ThrowsAsync<InvalidResponseSignException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100" } }));
        Assert.That(error!.SignType, Is.EqualTo("MD5"));
    }

    [Test]
    public void Rejects_an_answer_signed_with_another_key()
    {
        _http.RespondWith(V2.Answer(Success(), "HMAC-SHA256", secret: "00000000000000000000000000000000"));
        var error = Assert.ThrowsAsync<InvalidResponseSignException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100" } }));
        Assert.That(error!.SignType, Is.EqualTo("HMAC-SHA256"));
    }

    [Test]
    public void Rejects_a_successful_answer_without_sign()
    {
        _http.RespondWith(V2.Answer(Success(), signType: null));
        var error = Assert.ThrowsAsync<InvalidResponseSignException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100" } }));
        Assert.That(error!.SignType, Is.Null);
    }

    [Test]
    public void Refuses_an_answer_carrying_an_external_entity()
    {
        _http.RespondWith("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><return_code>SUCCESS</return_code><result_code>&xxe;</result_code></xml>""");
        Assert.ThrowsAsync<MalformedResponseException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100" } }));
    }

    [Test]
    public async Task Accepts_the_unsigned_answers_of_the_listed_paths()
    {
        _http.RespondWith("交易时间,公众账号ID,商户号\n`2026-11-23 08:00:00,`wx1,`10000100\n");
        WeChatPayResponse bill = await _wx.V2.Pay.Downloadbill.PostAsync(new { xml = new { mch_id = "10000100", bill_date = "20261122", bill_type = "ALL" } });
        Assert.That(bill.Body, Does.StartWith("交易时间"));
        Assert.That(bill.Data, Is.Null);

        _http.RespondWith(V2.Answer(Success(new() { ["pub_key"] = "-----BEGIN RSA PUBLIC KEY-----" }), signType: null));
        WeChatPayResponse key = await _wx["v2/risk/getpublickey"].PostAsync(new { xml = new { mch_id = "10000100" } });
        Assert.That((string)key.Data!.pub_key, Does.StartWith("-----BEGIN"));
    }

    [Test]
    public async Task Sends_the_fields_unsigned_when_the_signer_is_removed()
    {
        var options = V2.Options();
        options.Pipeline = p => p.Remove("signer");
        dynamic wx = Builder.Factory(options);
        _http.RespondWith(V2.Answer(Success()));

        await wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100", out_trade_no = "A&B" } });

        var sent = await _http.CallLog.Single().HttpRequestMessage.Content!.ReadAsStringAsync();
        Assert.That(sent, Is.EqualTo("<xml><mch_id>10000100</mch_id><out_trade_no><![CDATA[A&B]]></out_trade_no></xml>"));
    }

    [Test]
    public void Does_not_take_json_on_apiv2()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)_wx.V2.Pay.Orderquery.PostAsync(new { json = new { mch_id = "10000100" } }));
        Assert.That(error!.ParamName, Is.EqualTo("json"));
    }

    // Failure answers: a sign is verified when present; without one, the failure is raised marked unverified.
    private static Dictionary<string, string> BusinessFailure() => new()
    {
        ["return_code"] = "SUCCESS", ["return_msg"] = "OK", ["result_code"] = "FAIL", ["err_code"] = "ORDERNOTEXIST", ["err_code_des"] = "订单不存在", ["mch_id"] = "10000100", ["nonce_str"] = "n0nce",
    };

    private Task<WeChatPayResponse> OrderQuery() => ((IChainNode)_wx)["v2/pay/orderquery"].PostAsync(new { xml = new { mch_id = "10000100", out_trade_no = "T1" } });

    [Test]
    public void An_unsigned_business_failure_is_raised_marked_unverified()
    {
        _http.RespondWith(V2.Answer(BusinessFailure(), signType: null));

        var error = Assert.ThrowsAsync<WeChatPayResultException>(OrderQuery);

        Assert.That((error!.IsVerified, error.ErrCode), Is.EqualTo((false, "ORDERNOTEXIST")));
        Assert.That(error.Message, Does.Contain("Unverified"));
    }

    [Test]
    public void A_signed_business_failure_is_verified()
    {
        _http.RespondWith(V2.Answer(BusinessFailure()));

        var error = Assert.ThrowsAsync<WeChatPayResultException>(OrderQuery);

        Assert.That((error!.IsVerified, error.ErrCode), Is.EqualTo((true, "ORDERNOTEXIST")));
    }

    [Test]
    public void A_business_failure_with_a_forged_sign_is_refused()
    {
        _http.RespondWith(V2.Answer(BusinessFailure(), secret: new string('0', 32)));

        Assert.ThrowsAsync<InvalidResponseSignException>(OrderQuery);
    }

    [Test]
    public void A_refusal_carries_no_sign_and_is_raised_unverified()
    {
        _http.RespondWith(V2.Answer(new() { ["return_code"] = "FAIL", ["return_msg"] = "签名错误" }, signType: null));

        var error = Assert.ThrowsAsync<WeChatPayResultException>(OrderQuery);

        Assert.That((error!.IsVerified, error.ReturnMsg), Is.EqualTo((false, "签名错误")));
    }

    [Test]
    public void A_success_without_a_sign_is_still_refused()
    {
        var fields = BusinessFailure();
        fields["result_code"] = "SUCCESS";
        _http.RespondWith(V2.Answer(fields, signType: null));

        var error = Assert.ThrowsAsync<InvalidResponseSignException>(OrderQuery);
        Assert.That(error!.SignType, Is.Null);
    }
}
