using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Responses;

public class WeChatPayResponseTests
{
    private const string Body = """{"sub_mchid":"1900000109","out_return_no":"R20190516001","amount":10,"result":"SUCCESS","finish_time":"2026-11-23T16:00:00+08:00"}""";

    private sealed record ReturnOrder(string Sub_mchid, string Out_return_no, int Amount, string Result, DateTimeOffset Finish_time);

    private static async Task<WeChatPayResponse> Respond(string body)
    {
        var time = new FixedTime();
        IChainNode wx = Builder.Factory(TestKeys.Options(time));
        using var http = new HttpTest();
        http.RespondSigned(body, time);
        return await wx.Chain("v3/profitsharing/return-orders/R20190516001").GetAsync();
    }

    [Test]
    public async Task Exposes_status_headers_raw_body_and_parsed_data()
    {
        var response = await Respond(Body);
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.RequestId, Is.Not.Empty);
        Assert.That(response.Header("wechatpay-serial"), Is.EqualTo(TestKeys.PlatformSerial));
        Assert.That(response.Body, Is.EqualTo(Body));
        Assert.That(response.Bytes.Length, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(Body)));
        Assert.That((int)response.Data!.amount, Is.EqualTo(10));
        Assert.That((string)response.Data.out_return_no, Is.EqualTo("R20190516001"));
    }

    [Test]
    public async Task Keeps_date_text_as_the_platform_sent_it()
    {
        var response = await Respond(Body);
        Assert.That((string)response.Data!.finish_time, Is.EqualTo("2026-11-23T16:00:00+08:00"));
    }

    [Test]
    public async Task Reads_the_body_into_a_type()
    {
        var order = (await Respond(Body)).As<ReturnOrder>();
        Assert.That(order.Amount, Is.EqualTo(10));
        Assert.That(order.Finish_time, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.FromHours(8))));
    }

    [Test]
    public async Task Has_no_data_for_an_empty_body()
    {
        var response = await Respond("");
        Assert.That(response.Data, Is.Null);
    }

    [Test]
    public async Task Describes_itself_without_the_body()
    {
        var text = (await Respond(Body)).ToString();
        Assert.That(text, Does.StartWith("200 OK for GET /v3/profitsharing/return-orders/R20190516001"));
        Assert.That(text, Does.Not.Contain("1900000109"));
    }
}
