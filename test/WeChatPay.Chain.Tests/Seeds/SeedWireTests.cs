using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Seeds;

/// <summary>
/// The v3 seed calls in every style, sync and async, produce the wire requests PROTOCOL.md describes. The expected
/// method, target and body are written out here, and the signature is checked over them with the merchant public key.
/// </summary>
public class SeedWireTests
{
    private const string ReturnBody =
        """{"sub_mchid":"1900000109","order_id":"3008450740201411110007820472","out_order_no":"","out_return_no":"R20190516001","return_mchid":"86693852","amount":10,"description":"分账回退"}""";

    private static readonly object ReturnJson = new
    {
        sub_mchid = "1900000109",
        order_id = "3008450740201411110007820472",
        out_order_no = "",
        out_return_no = "R20190516001",
        return_mchid = "86693852",
        amount = 10,
        description = "分账回退",
    };

    private static readonly object EcommerceQuery = new { sub_mchid = "1900000109", out_order_no = "P20150806125346", out_return_no = "R20190516001" };
    private static readonly object DirectQuery = new { sub_mchid = "1900000109", out_order_no = "P20150806125346" };

    public static IEnumerable<TestCaseData> Calls()
    {
        const string ecommerce = "/v3/ecommerce/profitsharing/returnorders";
        const string direct = "/v3/profitsharing/return-orders";
        const string ecommerceQuery = "?sub_mchid=1900000109&out_order_no=P20150806125346&out_return_no=R20190516001";
        const string directTarget = direct + "/R20190516001?sub_mchid=1900000109&out_order_no=P20150806125346";

        foreach (var (style, call) in new (string, Func<dynamic, Task<WeChatPayResponse>>)[]
        {
            ("member chain, async", wx => wx.V3.Ecommerce.Profitsharing.Returnorders.PostAsync(new { json = ReturnJson })),
            ("member chain, sync", Sync(wx => wx.V3.Ecommerce.Profitsharing.Returnorders.Post(new { json = ReturnJson }))),
            ("member chain, shortland", wx => wx.V3.Ecommerce.Profitsharing.Returnorders(new { json = ReturnJson })),
            ("Chain(), async", wx => wx.Chain("v3/ecommerce/profitsharing/returnorders").PostAsync(new { json = ReturnJson })),
            ("Chain(), sync", Sync(wx => wx.Chain("v3/ecommerce/profitsharing/returnorders").Post(new { json = ReturnJson }))),
            ("indexer, async", wx => wx["v3/ecommerce/profitsharing/returnorders"].PostAsync(new { json = ReturnJson })),
            ("indexer, sync", Sync(wx => wx["v3/ecommerce/profitsharing/returnorders"].Post(new { json = ReturnJson }))),
        })
        {
            yield return new TestCaseData(call, "POST", ecommerce, ReturnBody).SetName($"Ecommerce return request, {style}");
        }

        foreach (var (style, call) in new (string, Func<dynamic, Task<WeChatPayResponse>>)[]
        {
            ("member chain, async", wx => wx.V3.Ecommerce.Profitsharing.Returnorders.GetAsync(new { query = EcommerceQuery })),
            ("member chain, sync", Sync(wx => wx.V3.Ecommerce.Profitsharing.Returnorders.Get(new { query = EcommerceQuery }))),
            ("Chain(), async", wx => wx.Chain("v3/ecommerce/profitsharing/returnorders").GetAsync(new { query = EcommerceQuery })),
            ("Chain(), sync", Sync(wx => wx.Chain("v3/ecommerce/profitsharing/returnorders").Get(new { query = EcommerceQuery }))),
            ("indexer, async", wx => wx["v3/ecommerce/profitsharing/returnorders"].GetAsync(new { query = EcommerceQuery })),
            ("indexer, sync", Sync(wx => wx["v3/ecommerce/profitsharing/returnorders"].Get(new { query = EcommerceQuery }))),
        })
        {
            yield return new TestCaseData(call, "GET", ecommerce + ecommerceQuery, "").SetName($"Ecommerce return query, {style}");
        }

        foreach (var (style, call) in new (string, Func<dynamic, Task<WeChatPayResponse>>)[]
        {
            ("member chain, async", wx => wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = ReturnJson })),
            ("member chain, sync", Sync(wx => wx.V3.Profitsharing.ReturnOrders.Post(new { json = ReturnJson }))),
            ("Chain(), async", wx => wx.Chain("v3/profitsharing/return-orders").PostAsync(new { json = ReturnJson })),
            ("Chain(), sync", Sync(wx => wx.Chain("v3/profitsharing/return-orders").Post(new { json = ReturnJson }))),
            ("indexer, async", wx => wx["v3/profitsharing/return-orders"].PostAsync(new { json = ReturnJson })),
            ("indexer, sync", Sync(wx => wx["v3/profitsharing/return-orders"].Post(new { json = ReturnJson }))),
        })
        {
            yield return new TestCaseData(call, "POST", direct, ReturnBody).SetName($"Direct return request, {style}");
        }

        foreach (var (style, call) in new (string, Func<dynamic, Task<WeChatPayResponse>>)[]
        {
            ("member chain, async", wx => wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "R20190516001", query = DirectQuery })),
            ("member chain, sync", Sync(wx => wx.V3.Profitsharing.ReturnOrders._out_return_no_.Get(new { out_return_no = "R20190516001", query = DirectQuery }))),
            ("Chain(), async", wx => wx.Chain("v3/profitsharing/return-orders/{out_return_no}").GetAsync(new { out_return_no = "R20190516001", query = DirectQuery })),
            ("Chain(), sync", Sync(wx => wx.Chain("v3/profitsharing/return-orders/{out_return_no}").Get(new { out_return_no = "R20190516001", query = DirectQuery }))),
            ("indexer, async", wx => wx["v3/profitsharing/return-orders/{out_return_no}"].GetAsync(new { out_return_no = "R20190516001", query = DirectQuery })),
            ("indexer, sync", Sync(wx => wx["v3/profitsharing/return-orders/{out_return_no}"].Get(new { out_return_no = "R20190516001", query = DirectQuery }))),
            ("literal number, async", wx => wx.Chain("v3/profitsharing/return-orders/R20190516001").GetAsync(new { query = DirectQuery })),
        })
        {
            yield return new TestCaseData(call, "GET", directTarget, "").SetName($"Direct return query, {style}");
        }
    }

    [TestCaseSource(nameof(Calls))]
    public async Task Sends_the_signed_wire_request_the_protocol_describes(Func<dynamic, Task<WeChatPayResponse>> call, string method, string target, string body)
    {
        var time = new FixedTime();
        dynamic wx = Builder.Factory(TestKeys.Options(time));
        using var http = new HttpTest();
        http.RespondSigned("""{"out_return_no":"R20190516001","result":"PROCESSING"}""", time);

        WeChatPayResponse response = await call(wx);

        var sent = http.CallLog.Single();
        Assert.That(sent.HttpRequestMessage.Method.Method, Is.EqualTo(method));
        Assert.That(sent.HttpRequestMessage.RequestUri!.GetLeftPart(UriPartial.Authority), Is.EqualTo("https://api.mch.weixin.qq.com"));
        Assert.That(sent.HttpRequestMessage.RequestUri.PathAndQuery, Is.EqualTo(target));
        Assert.That(sent.RequestBody ?? "", Is.EqualTo(body));
        var headers = sent.HttpRequestMessage.Headers;
        Assert.That(headers.Accept.ToString(), Is.EqualTo("application/json"));
        Assert.That(headers.UserAgent.ToString(), Does.StartWith("WeChatPay.Chain/").And.Contain(".NET"));
        Assert.That(sent.HttpRequestMessage.Content?.Headers.ContentType?.MediaType, Is.EqualTo(body.Length > 0 ? "application/json" : null));

        var authorization = SentRequest.Parse(headers.Authorization!.ToString());
        Assert.That(authorization.Parameters["mchid"], Is.EqualTo(TestKeys.Mchid));
        Assert.That(authorization.Parameters["serial_no"], Is.EqualTo(TestKeys.MerchantSerial));
        Assert.That(authorization.Timestamp, Is.EqualTo(time.UnixSeconds.ToString()));
        Assert.That(authorization.Nonce, Does.Match("^[0-9A-Za-z]{32}$"));
        authorization.AssertSigned(method, target, body);

        Assert.That((string)response.Data!.result, Is.EqualTo("PROCESSING"));
    }

    private static Func<dynamic, Task<WeChatPayResponse>> Sync(Func<dynamic, WeChatPayResponse> call) => wx => Task.FromResult(call(wx));
}
