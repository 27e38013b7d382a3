using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using WeChatPay.Chain.AspNetCore;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Hosting;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>
/// A real ASP.NET Core service on Kestrel, configured only from appsettings.json and environment variables, with two
/// merchants against two fake platforms: its endpoints call WeChat Pay as each merchant, its notify endpoints take
/// each platform's notifications, and its logs and an in-memory OpenTelemetry exporter show each call and no secret.
/// </summary>
[NonParallelizable]
public class AspNetCoreHostTests
{
    [Test]
    public async Task A_service_with_two_merchants_calls_verifies_notifications_and_traces_without_secrets()
    {
        await using var shopA = await FakePlatform.StartAsync();
        await using var shopB = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = "1900000110" });
        using var filesA = new MerchantFiles(shopA, "WeChatPay:shop-a");
        using var filesB = new MerchantFiles(shopB, "WeChatPay:shop-b");
        var folder = Directory.CreateTempSubdirectory("wechatpay-service-").FullName;
        var prefix = $"WXE{Guid.NewGuid():N}_";
        var secrets = filesA.Secrets.Concat(filesB.Secrets).ToList();
        var spans = new List<Activity>();
        var logs = new HostedMerchantTests.Logs();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), MerchantFiles.Json(filesA.Settings.Concat(filesB.Settings)).ToString());
            secrets.ForEach(s => Environment.SetEnvironmentVariable(prefix + s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value));
            // The service's incoming requests are activities too, unrecorded here (no ASP.NET Core instrumentation):
            // sample every WeChat Pay span regardless of that parent.
            using var tracing = Sdk.CreateTracerProviderBuilder().SetSampler(new AlwaysOnSampler()).AddSource(WeChatPayDiagnostics.Name).AddInMemoryExporter(spans).Build();

            // The service: only configuration files and the environment say who the merchants are.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder, Args = ["--urls=http://127.0.0.1:0"] });
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
            builder.Services.AddWeChatPay("shop-a", builder.Configuration.GetSection("WeChatPay:shop-a"));
            builder.Services.AddWeChatPay("shop-b", builder.Configuration.GetSection("WeChatPay:shop-b"));
            var paid = new ConcurrentQueue<string>();
            await using var app = builder.Build();
            app.MapPost("/refunds/{shop}/{number}", async (string shop, string number, IServiceProvider services) =>
            {
                var wx = services.GetRequiredKeyedService<IChainNode>(shop);
                var res = await wx.Chain("v3/profitsharing/return-orders").PostAsync(new
                {
                    json = new { out_order_no = "P20150806125346", out_return_no = number, return_mchid = "86693852", amount = 1, description = "用户退款" },
                });
                return Results.Ok((string)res.Data!.result);
            });
            foreach (var shop in new[] { "shop-a", "shop-b" })
            {
                app.MapWeChatPayNotifications($"/notify/{shop}", new WeChatPayNotificationOptions { Merchant = shop }, (notice, _) =>
                {
                    paid.Enqueue($"{shop}:{notice.Data.out_trade_no}");
                    return Task.CompletedTask;
                });
            }

            await app.StartAsync();
            var root = new Uri(app.Urls.First());
            using var http = new HttpClient();
            var (beforeA, beforeB) = (shopA.Requests.Count, shopB.Requests.Count);

            using var refundA = await http.PostAsync(new Uri(root, "/refunds/shop-a/R-SVC-A"), null);
            using var refundB = await http.PostAsync(new Uri(root, "/refunds/shop-b/R-SVC-B"), null);
            using var genuine = await shopB.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T-B-1" }).PostAsync(new Uri(root, "/notify/shop-b"));
            using var tampered = await shopB.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T-B-2" }, fault: Fault.BadSignature).PostAsync(new Uri(root, "/notify/shop-b"));
            using var misdirected = await shopA.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T-A-1" }).PostAsync(new Uri(root, "/notify/shop-b"));
            await app.StopAsync();

            Assert.That((refundA.IsSuccessStatusCode, refundB.IsSuccessStatusCode), Is.EqualTo((true, true)));
            var sentA = shopA.Requests.Skip(beforeA).Single();
            var sentB = shopB.Requests.Skip(beforeB).Single();
            Assert.That((sentA.Accepted, sentB.Accepted), Is.EqualTo((true, true)), "each platform judged its own merchant's signature good");
            Assert.That(sentA.Headers["Authorization"], Does.Contain($"mchid=\"1900000109\",serial_no=\"{shopA.Credentials.MerchantSerial}\""));
            Assert.That(sentB.Headers["Authorization"], Does.Contain($"mchid=\"1900000110\",serial_no=\"{shopB.Credentials.MerchantSerial}\""));

            Assert.That(((int)genuine.StatusCode, (int)tampered.StatusCode, (int)misdirected.StatusCode), Is.EqualTo((204, 401, 401)));
            Assert.That(paid, Is.EqualTo(new[] { "shop-b:T-B-1" }), "only the genuine notification for this merchant reached the handler");

            Assert.That(spans.Select(s => ((string?)s.GetTagItem("wechatpay.mchid"), s.DisplayName)), Is.EquivalentTo(new[]
            {
                ("1900000109", "POST v3/profitsharing/return-orders"),
                ("1900000110", "POST v3/profitsharing/return-orders"),
            }));
            var calls = logs.Entries.Where(e => e.Category == WeChatPayDiagnostics.Name).Select(e => e.Message).ToList();
            Assert.That(calls, Has.Count.EqualTo(2).And.All.StartWith("WeChat Pay POST v3/profitsharing/return-orders answered 200"));

            var seen = string.Join('\n', logs.Entries.Select(e => e.Message).Concat(spans.SelectMany(s => s.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty))));
            var keyLines = new[] { shopA, shopB }.Select(p => p.Credentials.MerchantKey.ExportPkcs8PrivateKeyPem().Split('\n')[1]);
            foreach (var secret in secrets.Select(s => s.Value).Concat(keyLines))
            {
                Assert.That(seen, Does.Not.Contain(secret));
            }
        }
        finally
        {
            secrets.ForEach(s => Environment.SetEnvironmentVariable(prefix + s.Key.Replace(":", "__", StringComparison.Ordinal), null));
            Directory.Delete(folder, recursive: true);
        }
    }
}
