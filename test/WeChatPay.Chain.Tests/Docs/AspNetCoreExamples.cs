// The examples of docs/aspnetcore.md, compiled and run. Each #region is the page's code block of the same name.
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class AspNetCoreExamples
{
    private static readonly string[] Args = ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None"];

    [Test]
    public async Task Map_a_notify_url()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var files = new WeChatPay.Chain.Tests.Hosting.MerchantFiles(platform, "WeChatPay");
        var args = Args.Concat(files.Settings.Select(s => $"--{s.Key}={s.Value}")).Concat(files.Secrets.Select(s => $"--{s.Key}={s.Value}")).ToArray();
        #region aspnetcore-notify
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddWeChatPay(builder.Configuration.GetSection("WeChatPay")); // the merchant whose keys verify and decrypt
        builder.Services.AddSingleton<Orders>();
        var app = builder.Build();

        app.MapWeChatPayNotifications("/wechatpay/notify", async (notice, context) =>
        {
            if (notice.EventType == "TRANSACTION.SUCCESS")
            {
                var orders = context.RequestServices.GetRequiredService<Orders>();
                await orders.MarkPaidAsync((string)notice.Data.out_trade_no, context.RequestAborted); // idempotent: it may come again
            }
        });
        #endregion
        await app.StartAsync();
        var endpoint = new Uri(app.Urls.First() + "/wechatpay/notify");
        using var accepted = await platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1", trade_state = "SUCCESS" }).PostAsync(endpoint);
        using var refused = await platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T2" }, fault: Fault.BadSignature).PostAsync(endpoint);
        Assert.That(((int)accepted.StatusCode, (int)refused.StatusCode), Is.EqualTo((204, 401)));
        Assert.That(app.Services.GetRequiredService<Orders>().Paid, Is.EqualTo(new[] { "T1" }));
        await app.DisposeAsync();
    }

    [Test]
    public async Task Map_a_notify_url_with_a_type()
    {
        await using var platform = await FakePlatform.StartAsync();
        var builder = WebApplication.CreateBuilder(Args);
        builder.Services.AddSingleton(Builder.Factory(platform.ClientOptions()));
        builder.Services.AddSingleton<Orders>();
        var app = builder.Build();
        #region aspnetcore-notify-typed
        app.MapWeChatPayNotifications<Transaction>("/wechatpay/notify", async (transaction, notice, context) =>
        {
            var orders = context.RequestServices.GetRequiredService<Orders>();
            await orders.MarkPaidAsync(transaction.OutTradeNo, context.RequestAborted);
        });
        #endregion
        await app.StartAsync();
        using var accepted = await platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T3", trade_state = "SUCCESS" }).PostAsync(new Uri(app.Urls.First() + "/wechatpay/notify"));
        Assert.That((int)accepted.StatusCode, Is.EqualTo(204));
        Assert.That(app.Services.GetRequiredService<Orders>().Paid, Is.EqualTo(new[] { "T3" }));
        await app.DisposeAsync();
    }

    [Test]
    public async Task Map_a_notify_url_per_merchant()
    {
        await using var platformA = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = "1900000109" });
        await using var platformB = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = "1900000110" });
        var (shopA, shopB) = (platformA.ClientOptions(), platformB.ClientOptions());
        var builder = WebApplication.CreateBuilder(Args);
        var handled = new List<string>();
        Task HandleAsync(Notice notice, HttpContext context)
        {
            handled.Add((string)notice.Data.mchid);
            return Task.CompletedTask;
        }

        #region aspnetcore-notify-merchants
        builder.Services.AddKeyedSingleton("shop-a", Builder.Factory(shopA));
        builder.Services.AddKeyedSingleton("shop-b", Builder.Factory(shopB));
        var app = builder.Build();

        app.MapWeChatPayNotifications("/wechatpay/notify/shop-a", new() { Merchant = "shop-a" }, HandleAsync);
        app.MapWeChatPayNotifications("/wechatpay/notify/shop-b", new() { Merchant = "shop-b", MaxBodySize = 64 * 1024 }, HandleAsync);
        #endregion
        await app.StartAsync();
        var root = app.Urls.First();
        using var a = await platformA.Notifications.Create("TRANSACTION.SUCCESS", new { mchid = "1900000109" }).PostAsync(new Uri(root + "/wechatpay/notify/shop-a"));
        using var b = await platformB.Notifications.Create("TRANSACTION.SUCCESS", new { mchid = "1900000110" }).PostAsync(new Uri(root + "/wechatpay/notify/shop-b"));
        using var crossed = await platformA.Notifications.Create("TRANSACTION.SUCCESS", new { mchid = "1900000109" }).PostAsync(new Uri(root + "/wechatpay/notify/shop-b"));
        Assert.That(((int)a.StatusCode, (int)b.StatusCode, (int)crossed.StatusCode), Is.EqualTo((204, 204, 401)));
        Assert.That(handled, Is.EqualTo(new[] { "1900000109", "1900000110" }));
        await app.DisposeAsync();
    }

    [Test]
    public async Task Map_an_apiv2_refund_notify_url()
    {
        await using var platform = await FakePlatform.StartAsync();
        var builder = WebApplication.CreateBuilder(Args);
        builder.Services.AddSingleton(Builder.Factory(platform.ClientOptions()));
        builder.Services.AddSingleton<Orders>();
        var app = builder.Build();
        #region aspnetcore-notify-refund-v2
        app.MapWeChatPayRefundNotifications("/wechatpay/refund-notify", async (refund, context) =>
        {
            var orders = context.RequestServices.GetRequiredService<Orders>();
            await orders.MarkRefundedAsync(refund["out_refund_no"], refund["refund_status"], context.RequestAborted);
        });
        #endregion
        await app.StartAsync();
        using var client = new HttpClient();
        var xml = platform.Notifications.CreateRefund(new Dictionary<string, string> { ["out_refund_no"] = "R1", ["refund_status"] = "SUCCESS" });
        using var answer = await client.PostAsync(new Uri(app.Urls.First() + "/wechatpay/refund-notify"), new StringContent(xml, Encoding.UTF8, "text/xml"));
        Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo("<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"));
        Assert.That(app.Services.GetRequiredService<Orders>().Refunded, Is.EqualTo(new[] { "R1 SUCCESS" }));
        await app.DisposeAsync();
    }

    #region aspnetcore-notify-type
    public sealed class Transaction
    {
        [JsonProperty("out_trade_no")]
        public string OutTradeNo { get; set; } = "";

        [JsonProperty("trade_state")]
        public string TradeState { get; set; } = "";
    }
    #endregion

    /// <summary>Stands for the application's own store.</summary>
    public sealed class Orders
    {
        public List<string> Paid { get; } = [];

        public List<string> Refunded { get; } = [];

        public Task MarkPaidAsync(string outTradeNo, CancellationToken cancellationToken)
        {
            Paid.Add(outTradeNo);
            return Task.CompletedTask;
        }

        public Task MarkRefundedAsync(string outRefundNo, string status, CancellationToken cancellationToken)
        {
            Refunded.Add($"{outRefundNo} {status}");
            return Task.CompletedTask;
        }
    }
}
