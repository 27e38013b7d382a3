// The examples of docs/notifications.md, compiled and run. Each #region is the page's code block of the same name.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class NotificationsExamples : PlatformFixture
{
    [Test]
    public void Parse_a_notification()
    {
        var options = Platform.ClientOptions();
        var sent = Platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "1217752501201407033233368018", trade_state = "SUCCESS" });
        IReadOnlyDictionary<string, string> headers = sent.Headers;
        var body = sent.Body;
        string? handled = null;
        #region notification-parse
        // options: Mchid, Serial, PrivateKey, Certs as for calls, plus the APIv3 key
        options.ApiV3Key = options.ApiV3Key;            // your 32-character APIv3 key
        var wx = Builder.Factory(options);

        try
        {
            Notice notice = Notification.Parse(wx, headers, body); // the request's headers and raw body
            if (notice.EventType == "TRANSACTION.SUCCESS")
            {
                handled = (string)notice.Data.out_trade_no;       // or notice.As<YourType>()
            }
        }
        catch (NotificationRejectedException e)
        {
            Console.WriteLine($"rejected: {e.Reason}");          // answer 4xx/5xx: the platform retries
        }
        #endregion
        Assert.That(handled, Is.EqualTo("1217752501201407033233368018"));
    }

    [Test]
    public void Parse_a_v2_refund_notification()
    {
        var wx = Builder.Factory(Platform.ClientOptions());
        var xml = Platform.Notifications.CreateRefund(new Dictionary<string, string> { ["out_refund_no"] = "1217752501201407033233368018", ["refund_status"] = "SUCCESS" });
        #region notification-refund-v2
        IReadOnlyDictionary<string, string> refund = Notification.ParseRefund(wx, xml); // Secret (APIv2 key) decrypts req_info
        Console.WriteLine($"{refund["out_refund_no"]} {refund["refund_status"]}");
        #endregion
        Assert.That(refund["refund_status"], Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task Test_your_endpoint_with_the_fakePlatform()
    {
        await using var app = NotifyApp();
        await app.StartAsync();
        var platform = Platform;
        var endpoint = new Uri(app.Urls.First() + "/wechatpay/notify");
        #region notification-testing
        var notification = platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1", trade_state = "SUCCESS" });
        using var accepted = await notification.PostAsync(endpoint);                       // your notify URL

        var tampered = platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1" }, fault: Fault.BadSignature);
        using var refused = await tampered.PostAsync(endpoint);
        #endregion
        Assert.That(((int)accepted.StatusCode, (int)refused.StatusCode), Is.EqualTo((204, 401)));
    }

    private WebApplication NotifyApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(Builder.Factory(Platform.ClientOptions()));
        var app = builder.Build();
        app.MapWeChatPayNotifications("/wechatpay/notify", (_, _) => Task.CompletedTask);
        return app;
    }
}
