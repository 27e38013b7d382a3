// The registration, retry and observability examples of docs/aspnetcore.md, compiled and run. Each #region is the
// page's code block of the same name; the page's appsettings.json block is bound by a test here too.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using WeChatPay.Chain.Hosting;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Hosting;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public partial class HostingExamples
{
    private FakePlatform _platform = null!;
    private MerchantFiles _files = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _files = new MerchantFiles(_platform, "WeChatPay:shop-a");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _platform.DisposeAsync();
        _files.Dispose();
    }

    /// <summary>A web application whose configuration holds merchant shop-a (and the same merchant as the default one).</summary>
    private WebApplicationBuilder NewBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var settings = _files.Settings.Concat(_files.Secrets.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).ToList();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("WeChatPay:shop-a", "WeChatPay", StringComparison.Ordinal), s.Value)));
        return builder;
    }

    [Test]
    public void The_appsettings_example_binds()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "aspnetcore.md"));
        var json = AppSettings().Match(page).Groups[1].Value;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();

        var shopA = configuration.GetSection("WeChatPay:shop-a").Get<WeChatPayOptions>()!;
        var shopB = configuration.GetSection("WeChatPay:shop-b").Get<WeChatPayOptions>()!;

        Assert.That((shopA.Mchid, shopA.PrivateKey, shopA.Certs.Count, shopA.Retry.Enabled), Is.EqualTo(("1900000109", "file:///etc/wechatpay/shop-a/apiclient_key.pem", 1, true)));
        Assert.That((shopB.Mchid, shopB.Merchant.P12, shopB.AutoRenewCertificates), Is.EqualTo(("1900000110", "file:///etc/wechatpay/shop-b/apiclient_cert.p12", true)));
        Assert.That(shopA.ApiV3Key, Is.Null, "keys come from the environment or user-secrets, not the file");
    }

    [Test]
    public async Task Register_and_call_from_an_endpoint()
    {
        var builder = NewBuilder();
        #region hosting-register
        builder.Services.AddWeChatPay(builder.Configuration.GetSection("WeChatPay"));                // the default merchant
        builder.Services.AddWeChatPay("shop-a", builder.Configuration.GetSection("WeChatPay:shop-a")); // a named one
        #endregion
        var app = builder.Build();
        #region hosting-inject
        app.MapPost("/refunds/{order}", async (string order, [FromKeyedServices("shop-a")] IChainNode wx) =>
        {
            var res = await wx.Chain("v3/profitsharing/return-orders").PostAsync(new
            {
                json = new { out_order_no = order, out_return_no = "R" + order, return_mchid = "86693852", amount = 10, description = "用户退款" },
            });
            return Results.Ok(new { result = (string)res.Data!.result });
        });
        #endregion
        await app.StartAsync();
        try
        {
            using var http = new HttpClient();
            var answer = await http.PostAsync(new Uri(new Uri(app.Urls.First()), "/refunds/P20150806125346"), null);
            Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("result"));
            Assert.That(answer.IsSuccessStatusCode, Is.True);
            Assert.That(app.Services.GetRequiredService<IChainNode>(), Is.Not.SameAs(app.Services.GetRequiredKeyedService<IChainNode>("shop-a")), "two registrations, two instances");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Test]
    public async Task Add_a_handler_of_your_own()
    {
        var builder = NewBuilder();
        #region hosting-handlers
        builder.Services.AddWeChatPay("shop-a", builder.Configuration.GetSection("WeChatPay:shop-a"))
            .ConfigureHttpClients(http => http.AddHttpMessageHandler(() => new AuditHandler()));  // runs above the re-signing handler
        #endregion
        await using var app = builder.Build();
        var wx = app.Services.GetRequiredKeyedService<IChainNode>("shop-a");
        var before = AuditHandler.Seen;

        await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { appid = "wx8888888888888888", type = "PERSONAL_OPENID", account = "o-docs", relation_type = "USER" } });

        Assert.That(AuditHandler.Seen, Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Trace_measure_and_check_health()
    {
        var spans = new List<Activity>();
        var builder = NewBuilder();
        builder.Services.AddWeChatPay("shop-a", builder.Configuration.GetSection("WeChatPay:shop-a"));
        #region hosting-observability
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(WeChatPayDiagnostics.Name)   // one client span per call, named "POST v3/profitsharing/return-orders"
            .AddInMemoryExporter(spans)             // or your exporter (OTLP, console)
            .Build();
        builder.Services.AddHealthChecks().AddWeChatPayCertificates("shop-a");
        #endregion
        await using var app = builder.Build();
        var wx = app.Services.GetRequiredKeyedService<IChainNode>("shop-a");

        await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { appid = "wx8888888888888888", type = "PERSONAL_OPENID", account = "o-docs2", relation_type = "USER" } });
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.That(spans.Select(s => s.DisplayName), Is.EqualTo(new[] { "POST v3/profitsharing/receivers/add" }));
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Healthy));
    }

    /// <summary>A handler of the reader's own: counts what passes.</summary>
    private sealed class AuditHandler : DelegatingHandler
    {
        public static int Seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Seen);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [GeneratedRegex(@"<!-- appsettings -->\n```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex AppSettings();
}
