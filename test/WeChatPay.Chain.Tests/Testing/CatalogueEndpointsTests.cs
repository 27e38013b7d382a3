using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Testing;

/// <summary>
/// The operations the fake platform serves from the catalogue: requests refused as the platform refuses them, with
/// the field named, and answers made from the catalogue's examples that echo what was asked, APIv3 and APIv2.
/// </summary>
public class CatalogueEndpointsTests : PlatformFixture
{
    private const string Native = "v3/pay/transactions/native";

    private Dictionary<string, string> Serial => new() { ["Wechatpay-Serial"] = Platform.Credentials.PublicKeyId };

    private static JObject Order() => new()
    {
        ["appid"] = "wxd678efh567hg6787",
        ["mchid"] = "1900000109",
        ["description"] = "Image形象店-深圳腾大-QQ公仔",
        ["out_trade_no"] = "T" + Guid.NewGuid().ToString("N")[..20],
        ["notify_url"] = "https://www.weixin.qq.com/wxpay/pay.php",
        ["amount"] = new JObject { ["total"] = 100, ["currency"] = "CNY" },
    };

    private WeChatPayApiException Refused(JObject order) =>
        Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain(Native).PostAsync(new { json = order, headers = Serial }))!;

    private static ApiField Field(ApiOperation operation, string name) => operation.Response.Single(f => f.Name == name);

    [Test]
    public void Refuses_a_body_missing_a_required_field_and_names_it()
    {
        var order = Order();
        order.Remove("description");

        var error = Refused(order);

        Assert.That((error.StatusCode, error.Code, (string?)error.Detail?["field"], (string?)error.Detail?["location"]), Is.EqualTo((400, "PARAM_ERROR", "description", "body")));
        Assert.That(error.PlatformMessage, Does.Contain("description").And.Contain("missing"));
        Assert.That(error.IsVerified, Is.True);
    }

    [Test]
    public void Refuses_a_nested_field_missing_from_its_object()
    {
        var order = Order();
        ((JObject)order["amount"]!).Remove("total");

        Assert.That((string?)Refused(order).Detail?["field"], Is.EqualTo("amount.total"));
    }

    [Test]
    public void Refuses_a_field_missing_from_an_item_of_an_array()
    {
        var order = Order();
        order["detail"] = new JObject { ["goods_detail"] = new JArray(new JObject { ["merchant_goods_id"] = "A1", ["quantity"] = 1, ["unit_price"] = 1 }, new JObject { ["merchant_goods_id"] = "A2", ["quantity"] = 1 }) };

        Assert.That((string?)Refused(order).Detail?["field"], Is.EqualTo("detail.goods_detail[1].unit_price"));
    }

    [TestCase("100", "string")]
    [TestCase(100.5, "number")]
    public void Refuses_an_integer_field_of_another_type(object total, string sent)
    {
        var order = Order();
        order["amount"]!["total"] = JToken.FromObject(total);

        var error = Refused(order);

        Assert.That((string?)error.Detail?["field"], Is.EqualTo("amount.total"));
        Assert.That(error.PlatformMessage, Does.Contain("must be an integer").And.Contain("not a " + sent));
    }

    [Test]
    public void Refuses_a_value_that_is_not_one_of_the_fields_values()
    {
        var order = Order();
        order["payer"] = new JObject { ["identity"] = new JObject { ["type"] = "LIBRARY_CARD", ["number"] = "1", ["name"] = "1" } };

        var error = Refused(order);

        Assert.That((string?)error.Detail?["field"], Is.EqualTo("payer.identity.type"));
        Assert.That(error.PlatformMessage, Does.Contain("not one of IDCARD"));
    }

    [Test]
    public void Refuses_text_longer_than_the_field_takes()
    {
        var operation = Catalogue.Find("POST", "v3/parking/reminders/application/withdraw")!;
        var field = operation.Parameters.Single(f => f.Name == "parking_lot_audit_no");
        var tooLong = new string('9', field.MaxLength!.Value + 1);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain(operation.Path).PostAsync(new { json = new { parking_lot_audit_no = tooLong, out_parking_lot_id = "1" } }));

        Assert.That((string?)error!.Detail?["field"], Is.EqualTo("parking_lot_audit_no"));
        Assert.That(error.PlatformMessage, Does.Contain($"longer than {field.MaxLength}"));
        Assert.That(error.PlatformMessage, Does.Not.Contain(tooLong), "the value is not quoted back");
    }

    [Test]
    public void Refuses_a_body_that_is_not_a_json_object()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain(Native).PostAsync(new { body = "[1, 2]", headers = Serial }));

        Assert.That((error!.Code, error.PlatformMessage), Is.EqualTo(("PARAM_ERROR", "请求体不是合法的 JSON 对象 (the body is not a JSON object)")));
    }

    [Test]
    public void Refuses_a_request_missing_a_required_query_parameter()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain("v3/pay/transactions/id/{transaction_id}").GetAsync(new { transaction_id = "4200000001" }));

        Assert.That(((string?)error!.Detail?["field"], (string?)error.Detail?["location"]), Is.EqualTo(("mchid", "query")));
    }

    [Test]
    public async Task Takes_a_request_without_wechatpay_serial_where_no_field_is_encrypted()
    {
        var res = await Wx.Chain(Native).PostAsync(new { json = Order() });

        Assert.That(res.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void Refuses_a_request_with_encrypted_fields_missing_wechatpay_serial_or_naming_another_key()
    {
        var missing = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain("v3/applyment4sub/applyment/").PostAsync(new { json = new { business_code = "APPLY_1" } }));
        var other = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain(Native).PostAsync(new { json = Order(), headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = "PUB_KEY_ID_0999999999" } }));

        Assert.That(((string?)missing!.Detail?["field"], (string?)missing.Detail?["location"]), Is.EqualTo(("Wechatpay-Serial", "header")));
        Assert.That(other!.PlatformMessage, Does.Contain("names no key of this platform"));
    }

    [Test]
    public async Task Refuses_a_path_whose_placeholder_is_empty()
    {
        var (status, body) = await new PlatformCall("GET", "/v3/pay/transactions/id/?mchid=1900000109").SendAsync(Platform);

        Assert.That((status, (string?)body["code"], (string?)body["detail"]?["field"], (string?)body["detail"]?["location"]), Is.EqualTo((400, "PARAM_ERROR", "transaction_id", "path")));
    }

    [Test]
    public void Answers_a_path_the_catalogue_does_not_know_with_not_found()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Wx.Chain("v3/pay/transactions/nowhere").PostAsync(new { json = Order() }));

        Assert.That((error!.StatusCode, error.Code), Is.EqualTo((404, "NOT_FOUND")));
    }

    [Test]
    public async Task Takes_fields_the_catalogue_does_not_list()
    {
        var order = Order();
        order["campaign"] = new JObject { ["anything"] = true };

        var res = await Wx.Chain(Native).PostAsync(new { json = order, headers = Serial });

        Assert.That((string)res.Data!.code_url, Is.EqualTo((string?)Field(Catalogue.Find("POST", Native)!, "code_url").Example));
    }

    [Test]
    public async Task Answers_from_the_examples_and_echoes_what_was_asked()
    {
        var operation = Catalogue.Find("GET", "v3/pay/transactions/out-trade-no/{out_trade_no}")!;

        var res = await Wx.Chain(operation.Path).GetAsync(new { out_trade_no = "T20250101", query = new { mchid = "1900000109" } });
        var data = (JObject)res.Data!;

        Assert.That(((string?)data["out_trade_no"], (string?)data["mchid"]), Is.EqualTo(("T20250101", "1900000109")), "echoed from the path and the query");
        Assert.That((string?)data["success_time"], Is.EqualTo((string?)Field(operation, "success_time").Example), "an example, as written");
        var total = Field(operation, "amount").Fields.Single(f => f.Name == "payer_total");
        Assert.That((data["amount"]?["payer_total"]?.Type, (long?)data["amount"]?["payer_total"]), Is.EqualTo((JTokenType.Integer, (long?)total.Example)), "nested, and an integer as a JSON number");
        Assert.That(data["detail"]?["goods_detail"], Has.Count.EqualTo(1), "an array of one item");
        Assert.That(data.Properties().Select(p => p.Name), Is.SupersetOf(operation.Response.Where(f => f.IsRequired).Select(f => f.Name)));
    }

    [Test]
    public async Task Answers_204_with_no_body_signed_and_verified()
    {
        var res = await Wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}/close").PostAsync(new { out_trade_no = "T1", json = new { mchid = "1900000109" } });

        Assert.That((res.StatusCode, res.Bytes.Length), Is.EqualTo((204, 0)));
        Assert.That(res.Header("Wechatpay-Signature"), Is.Not.Null);
    }

    [Test]
    public async Task Answers_a_file_of_the_catalogued_type()
    {
        var res = await Wx.Chain("v3/transferdownload/signfile").GetAsync(new { query = new { token = "X8Uk3sD4a4eZ" } });

        Assert.That(res.Message.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(Encoding.ASCII.GetString(res.Bytes.Span[..5]), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task Answers_apiv2_from_the_examples_signed_with_the_apiv2_key()
    {
        var operation = Catalogue.Find("POST", "v2/pay/micropay")!;

        var res = await Wx.Chain(operation.Path).PostAsync(new { xml = Micropay() });
        var fields = V2.Parse(res.Body);

        Assert.That((fields["return_code"], fields["result_code"]), Is.EqualTo(("SUCCESS", "SUCCESS")));
        Assert.That((fields["out_trade_no"], fields["total_fee"]), Is.EqualTo(("T20250101", "1")), "echoed");
        Assert.That(fields["trade_type"], Is.EqualTo((string?)Field(operation, "trade_type").Example));
        Assert.That(fields["sign"], Is.EqualTo(V2.Sign(fields, "MD5", Platform.Credentials.ApiV2Key)), "signed as the platform signs");
    }

    [Test]
    public void Refuses_apiv2_fields_missing_or_not_one_of_their_values_signed()
    {
        var missing = Micropay();
        missing.Remove("auth_code");
        var listed = Micropay();
        listed["deposit"] = "MAYBE";

        var absent = Assert.ThrowsAsync<WeChatPayResultException>(() => Wx.Chain("v2/pay/micropay").PostAsync(new { xml = missing }));
        var wrong = Assert.ThrowsAsync<WeChatPayResultException>(() => Wx.Chain("v2/pay/micropay").PostAsync(new { xml = listed }));

        Assert.That((absent!.ReturnCode, absent.ResultCode, absent.ErrCode, absent.IsVerified), Is.EqualTo(("SUCCESS", "FAIL", "PARAM_ERROR", true)));
        Assert.That(absent.ErrCodeDes, Does.Contain("auth_code"));
        Assert.That((wrong!.ErrCode, wrong.ErrCodeDes), Is.EqualTo(("PARAM_ERROR", "deposit 取值错误 (not one of Y, N)")));
    }

    [Test]
    public async Task Demands_the_client_certificate_where_the_catalogue_does_outside_secapi()
    {
        var operation = Catalogue.Find("POST", "v2/applyment/micro/getstate")!;
        Assume.That(operation.CertificateRequired && !operation.Path.StartsWith("v2/secapi/", StringComparison.Ordinal));
        var fields = new Dictionary<string, string> { ["version"] = "1.0", ["mch_id"] = Platform.Credentials.Mchid, ["sign_type"] = "HMAC-SHA256", ["applyment_id"] = "2000002124775691", ["nonce_str"] = "N1" };
        fields["sign"] = V2.Sign(fields, "HMAC-SHA256", Platform.Credentials.ApiV2Key);

        // The library presents the certificate wherever the catalogue demands it, so the refusal is asked for by hand.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("tests/1.0");
        using var refused = await client.PostAsync(new Uri(Platform.BaseUri, "applyment/micro/getstate"), new StringContent(V2.Answer(fields, signType: null), Encoding.UTF8, "text/xml"));
        var answer = V2.Parse(await refused.Content.ReadAsStringAsync());
        var res = await Wx.Chain(operation.Path).PostAsync(new { xml = fields.Where(f => f.Key is not ("sign" or "nonce_str")).ToDictionary() });

        Assert.That(answer["return_code"], Is.EqualTo("FAIL"));
        Assert.That(answer["return_msg"], Does.StartWith("证书不存在"));
        Assert.That((string)res.Data!.applyment_id, Is.EqualTo("2000002124775691"));
    }

    [Test]
    public async Task Answers_apiv2_unsigned_where_the_platform_does()
    {
        var res = await Wx.Chain("v2/mmpaymkttransfers/promotion/transfers").PostAsync(new
        {
            xml = new { mch_appid = "wx8888888888888888", mchid = "1900000109", partner_trade_no = "T1", openid = "o1", check_name = "NO_CHECK", amount = 100, desc = "理赔", spbill_create_ip = "192.168.0.1" },
        });

        Assert.That(V2.Parse(res.Body), Does.Not.ContainKey("sign"));
        Assert.That((string)res.Data!.partner_trade_no, Is.EqualTo("T1"));
    }

    [Test]
    public async Task Judges_an_apiv2_get_over_its_query()
    {
        var res = await Wx.Chain("v2/appauth/authindex").GetAsync(new
        {
            query = new { mch_id = "1900000109", appid = "wxd678efh567hg6787", redirect_uri = "https://weixin.qq.com/", response_type = "code", scope = "pay_identity", state = "S1" },
        });

        Assert.That(Platform.Requests[^1].Accepted, Is.True);
        Assert.That((string)res.Data!.return_code, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task Serves_an_apiv2_upload_whose_fields_are_form_parts()
    {
        var media = Encoding.ASCII.GetBytes("GIF89a");
        var fields = new Dictionary<string, string> { ["mch_id"] = Platform.Credentials.Mchid, ["media_hash"] = Convert.ToHexString(MD5.HashData(media)).ToLowerInvariant(), ["sign_type"] = "HMAC-SHA256", ["nonce_str"] = "N1" };
        fields["sign"] = V2.Sign(fields, "HMAC-SHA256", Platform.Credentials.ApiV2Key);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(media);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/gif");
        form.Add(file, "media", "logo.gif");
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        handler.ClientCertificates.Add(Platform.Credentials.MerchantCertificate);
        using var client = new HttpClient(handler);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("tests/1.0");

        using var response = await client.PostAsync(new Uri(Platform.BaseUri, "secapi/mch/uploadmedia"), form);
        var answer = V2.Parse(await response.Content.ReadAsStringAsync());

        Assert.That((answer["return_code"], answer["result_code"]), Is.EqualTo(("SUCCESS", "SUCCESS")), answer.GetValueOrDefault("err_code_des"));
        Assert.That(answer["sign"], Is.EqualTo(V2.Sign(answer, "HMAC-SHA256", Platform.Credentials.ApiV2Key)));
    }

    [Test]
    public void Knows_the_same_unsigned_apiv2_paths_as_the_library() =>
        Assert.That(V2Judge.Unsigned, Is.EquivalentTo(V2Rules.Unsigned));

    private static Dictionary<string, object> Micropay() => new()
    {
        ["appid"] = "wx8888888888888888",
        ["mch_id"] = "1900000109",
        ["body"] = "image形象店-深圳腾大- QQ公仔",
        ["out_trade_no"] = "T20250101",
        ["total_fee"] = 1,
        ["spbill_create_ip"] = "8.8.8.8",
        ["auth_code"] = "120061098828009406",
    };
}
