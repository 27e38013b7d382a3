using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Docs;

/// <summary>The README's first calls, as a newcomer copies them, against the fake platform with the README's options' kinds.</summary>
[NonParallelizable]
public class ReadmeExamples
{
    [Test]
    public async Task The_readme_calls_succeed_as_written()
    {
        await using var platform = await FakePlatform.StartAsync();
        dynamic wx = Builder.Factory(platform.ClientOptions());

        #region readme-calls
        // the PHP line  $instance->v3->profitsharing->returnOrders->post(['json' => [...]]);  becomes
        var res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P20150806125346", out_return_no = "R20190516001", return_mchid = "86693852", amount = 10, description = "用户退款" } });
        Console.WriteLine(res.Data.result);                                      // PROCESSING / SUCCESS / FAIL

        var q = await wx.Chain("v3/profitsharing/return-orders/{out_return_no}")
            .GetAsync(new { out_return_no = "R20190516001", query = new { out_order_no = "P20150806125346" } });

        // APIv2: XML, nonce_str and sign (HMAC-SHA256 here) filled in, sent with the merchant certificate, answer verified
        var v2 = wx["v2/secapi/pay/profitsharingreturn"].Post(new { xml = new { mch_id = "1900000109", appid = "wx8888888888888888", out_order_no = "P20150806125346", out_return_no = "R20190516002", return_account_type = "MERCHANT_ID", return_account = "86693852", return_amount = 10, description = "用户退款" }, security = true });
        #endregion

        Assert.That((string)res.Data.result, Is.Not.Empty);
        Assert.That((string)q.Data.out_return_no, Is.EqualTo("R20190516001"));
        Assert.That((string)v2.Data.result_code, Is.EqualTo("SUCCESS"), (string)v2.Data.err_code_des ?? "");
        Assert.That(platform.Requests.Select(r => r.Accepted), Is.All.True);
    }
}
