using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Hosting;

/// <summary>
/// Two merchants in a .NET host, configured only from appsettings.json and environment variables, against two fake
/// platforms on real sockets: each call signed by its own merchant, retries signed afresh, start-up refusing a wrong
/// configuration by its key, and each call traced, measured and logged without secrets.
/// </summary>
[NonParallelizable]
public partial class HostedMerchantTests
{
    private FakePlatform _shopA = null!;
    private FakePlatform _shopB = null!;
    private MerchantFiles _filesA = null!;
    private MerchantFiles _filesB = null!;
    private string _folder = null!;
    private readonly List<string> _variables = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _shopA = await FakePlatform.StartAsync();
        _shopB = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = "1900000110" });
        _filesA = new MerchantFiles(_shopA, "WeChatPay:shop-a");
        _filesB = new MerchantFiles(_shopB, "WeChatPay:shop-b");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _shopA.DisposeAsync();
        await _shopB.DisposeAsync();
        _filesA.Dispose();
        _filesB.Dispose();
    }

    [SetUp]
    public void Folder() => _folder = Directory.CreateTempSubdirectory("wechatpay-host-").FullName;

    [TearDown]
    public void Clean()
    {
        Directory.Delete(_folder, recursive: true);
        _variables.ForEach(v => Environment.SetEnvironmentVariable(v, null));
        _variables.Clear();
        _shopA.Faults.Clear();
        _shopB.Faults.Clear();
    }

    /// <summary>
    /// A host whose configuration is appsettings.json (keys as files, everything but the secrets) and environment
    /// variables (the APIv3 and APIv2 keys), with both merchants registered from it.
    /// </summary>
    private IHost Host(Action<Dictionary<string, string?>>? settings = null, Action<IServiceCollection, IConfiguration>? services = null, Logs? logs = null)
    {
        var json = new Dictionary<string, string?>(_filesA.Settings.Concat(_filesB.Settings));
        settings?.Invoke(json);
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), MerchantFiles.Json(json).ToString());
        var prefix = $"WXT{Guid.NewGuid():N}_";
        foreach (var (key, value) in _filesA.Secrets.Concat(_filesB.Secrets))
        {
            var name = prefix + key.Replace(":", "__", StringComparison.Ordinal);
            Environment.SetEnvironmentVariable(name, value);
            _variables.Add(name);
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder, DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.Combine(_folder, "appsettings.json")).AddEnvironmentVariables(prefix);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddWeChatPay("shop-a", builder.Configuration.GetSection("WeChatPay:shop-a"));
        builder.Services.AddWeChatPay("shop-b", builder.Configuration.GetSection("WeChatPay:shop-b"));
        services?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }

    private static Task<WeChatPayResponse> Create(IChainNode wx, string number) =>
        wx.Chain("v3/profitsharing/return-orders").PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = number, return_mchid = "86693852", amount = 1, description = "用户退款" },
        });

    private static string Nonce(PlatformRequest request) => NonceOf().Match(request.Headers["Authorization"]).Groups[1].Value;

    [Test]
    public async Task Two_merchants_from_appsettings_and_environment_variables_each_sign_their_own_calls()
    {
        using var host = Host();
        await host.StartAsync();
        var a = host.Services.GetRequiredKeyedService<IChainNode>("shop-a");
        var b = host.Services.GetRequiredKeyedService<IChainNode>("shop-b");
        var (beforeA, beforeB) = (_shopA.Requests.Count, _shopB.Requests.Count);

        var answerA = await Create(a, "R-HOST-A");
        var answerB = await Create(b, "R-HOST-B");
        dynamic dynamicA = host.Services.GetRequiredKeyedService<IChainNode>("shop-a");
        WeChatPayResponse v2 = await dynamicA.V2.Pay.Micropay.PostAsync(new
        {
            xml = new { appid = "wx8888888888888888", mch_id = "1900000109", body = "image形象店", out_trade_no = "1217752501201407033233368018", total_fee = 888, spbill_create_ip = "8.8.8.8", auth_code = "120061098828009406" },
        });

        Assert.That((answerA.StatusCode, answerB.StatusCode, v2.StatusCode), Is.EqualTo((200, 200, 200)), "verified, or they would have thrown");
        Assert.That(host.Services.GetRequiredKeyedService<IChainNode>("shop-a"), Is.SameAs(a), "one shared instance per merchant");
        var sentA = _shopA.Requests.Skip(beforeA).ToList();
        var sentB = _shopB.Requests.Skip(beforeB).ToList();
        Assert.That(sentA, Has.Count.EqualTo(2));
        Assert.That(sentB, Has.Count.EqualTo(1));
        Assert.That(sentA[0].Headers["Authorization"], Does.Contain($"mchid=\"1900000109\",serial_no=\"{_shopA.Credentials.MerchantSerial}\""));
        Assert.That(sentB[0].Headers["Authorization"], Does.Contain($"mchid=\"1900000110\",serial_no=\"{_shopB.Credentials.MerchantSerial}\""));
        Assert.That(sentA.Concat(sentB).All(r => r.Accepted), Is.True, "each platform judged its own merchant's signature good");
        await host.StopAsync();
    }

    [TestCase(Fault.ServerError)]
    [TestCase(Fault.TooManyRequests)]
    [TestCase(Fault.CloseConnection)]
    [TestCase(Fault.DropConnection)]
    public async Task Retries_a_failed_attempt_and_signs_each_attempt_afresh(Fault fault)
    {
        using var host = Host(settings => (settings["WeChatPay:shop-a:Retry:Enabled"], settings["WeChatPay:shop-a:Retry:Delay"]) = ("true", "00:00:00.010"));
        await host.StartAsync();
        var wx = host.Services.GetRequiredKeyedService<IChainNode>("shop-a");
        await Create(wx, "R-WARM-" + fault);  // a kept-alive connection, as in a long-running service
        var before = _shopA.Requests.Count;
        _shopA.Faults.Inject(fault);

        var answer = await Create(wx, "R-RETRY-" + fault);

        var sent = _shopA.Requests.Skip(before).ToList();
        Assert.That(answer.StatusCode, Is.EqualTo(200));
        Assert.That(sent.Select(r => r.Fault), Is.EqualTo(new Fault?[] { fault, null }));
        Assert.That(sent.Select(Nonce).Distinct().Count(), Is.EqualTo(2), "a different nonce on every attempt");
        Assert.That(sent.All(r => r.Rejection is null), Is.True);
    }

    [Test]
    public async Task Does_not_retry_unless_enabled()
    {
        using var host = Host();
        await host.StartAsync();
        var wx = host.Services.GetRequiredKeyedService<IChainNode>("shop-a");
        var before = _shopA.Requests.Count;
        _shopA.Faults.Inject(Fault.ServerError);

        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Create(wx, "R-NORETRY"))!;

        Assert.That((error.Response!.StatusCode, error.Code), Is.EqualTo((500, "SYSTEM_ERROR")));
        Assert.That(_shopA.Requests.Count - before, Is.EqualTo(1));
    }

    [Test]
    public async Task A_retrying_handler_of_the_users_own_sends_each_attempt_signed_afresh()
    {
        using var host = Host(services: (services, configuration) =>
            services.AddWeChatPay("shop-c", configuration.GetSection("WeChatPay:shop-a")).ConfigureHttpClients(http => http.AddHttpMessageHandler(() => new RetryOnce())));
        await host.StartAsync();
        var wx = host.Services.GetRequiredKeyedService<IChainNode>("shop-c");
        var before = _shopA.Requests.Count;
        _shopA.Faults.Inject(Fault.ServerError);

        var answer = await Create(wx, "R-OWN");

        var sent = _shopA.Requests.Skip(before).ToList();
        Assert.That(answer.StatusCode, Is.EqualTo(200));
        Assert.That(sent.Select(Nonce).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Refuses_to_start_naming_the_configuration_key_and_never_the_value()
    {
        var secret = _filesA.Secrets["WeChatPay:shop-a:ApiV3Key"];
        using var host = Host(settings => settings["WeChatPay:shop-a:Serial"] = secret);

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())!;

        Assert.That(error.Message, Does.Contain("WeChatPay:shop-a:Serial"));
        Assert.That(error.Message, Does.Not.Contain(secret));
    }

    [Test]
    public void Refuses_to_start_when_a_key_file_is_missing()
    {
        using var host = Host(settings => settings["WeChatPay:shop-b:PrivateKey"] = "file:///nonexistent/apiclient_key.pem");

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())!;

        Assert.That(error.Message, Does.Contain("WeChatPay:shop-b:PrivateKey"));
    }

    [Test]
    public async Task Traces_and_measures_each_call_into_an_in_memory_exporter_without_secrets()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(WeChatPayDiagnostics.Name).AddInMemoryExporter(spans).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(WeChatPayDiagnostics.Name).AddInMemoryExporter(metrics).Build();
        using var host = Host();
        await host.StartAsync();
        var wx = host.Services.GetRequiredKeyedService<IChainNode>("shop-b");

        await Create(wx, "R-OTEL-1");
        await wx.Chain("v3/profitsharing/return-orders/R-OTEL-1").GetAsync(new { query = new { out_order_no = "P20150806125346" } });
        meters.ForceFlush();

        Assert.That(spans.Select(s => s.DisplayName), Is.EqualTo(new[] { "POST v3/profitsharing/return-orders", "GET v3/profitsharing/return-orders/{out_return_no}" }));
        Assert.That(spans.All(s => (string?)s.GetTagItem("wechatpay.mchid") == "1900000110"), Is.True);
        var values = spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
        Assert.That(values, Has.None.Contains("R-OTEL-1").And.None.Contains(_filesB.Secrets["WeChatPay:shop-b:ApiV3Key"]));
        Assert.That(metrics.Select(m => m.Name), Does.Contain(WeChatPayDiagnostics.CallDuration).And.Contain(WeChatPayDiagnostics.Calls));
        long calls = 0;
        foreach (ref readonly var point in metrics.First(m => m.Name == WeChatPayDiagnostics.Calls).GetMetricPoints())
        {
            calls += point.GetSumLong();
        }

        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public async Task Logs_one_entry_per_call_and_nothing_secret()
    {
        var logs = new Logs();
        using var host = Host(logs: logs);
        await host.StartAsync();
        var wx = host.Services.GetRequiredKeyedService<IChainNode>("shop-a");
        logs.Clear();

        await Create(wx, "R-LOGS-1");

        var ours = logs.Entries.Where(e => e.Category == WeChatPayDiagnostics.Name).ToList();
        Assert.That(ours, Has.Count.EqualTo(1));
        Assert.That(ours[0].Message, Does.StartWith("WeChat Pay POST v3/profitsharing/return-orders answered 200"));
        var everything = string.Join('\n', logs.Entries.Select(e => e.Message));
        foreach (var secret in _filesA.Secrets.Values.Append(_shopA.Credentials.MerchantKey.ExportPkcs8PrivateKeyPem().Split('\n')[1]))
        {
            Assert.That(everything, Does.Not.Contain(secret));
        }

        Assert.That(everything, Does.Not.Contain("R-LOGS-1"), "no bodies by default");
    }

    [Test]
    public async Task Reports_certificate_renewal_in_a_health_check()
    {
        _shopA.SigningMode = SigningMode.PlatformCertificate;
        try
        {
            using var host = Host(
                settings => settings["WeChatPay:shop-a:AutoRenewCertificates"] = "true",
                services: (services, _) => services.AddHealthChecks().AddWeChatPayCertificates("shop-a").AddWeChatPayCertificates("shop-b"));
            await host.StartAsync();
            var health = host.Services.GetRequiredService<HealthCheckService>();
            await host.Services.GetRequiredKeyedService<IChainNode>("shop-a").Chain("v3/certificates").GetAsync();
            await Certificates(host, "shop-a");

            var report = await health.CheckHealthAsync();

            Assert.That(report.Entries["wechatpay-certificates-shop-a"].Status, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(report.Entries["wechatpay-certificates-shop-a"].Description, Is.EqualTo("Platform certificates are current."));
            Assert.That(report.Entries["wechatpay-certificates-shop-b"].Description, Is.EqualTo("Certificate renewal is off."));
        }
        finally
        {
            _shopA.SigningMode = SigningMode.PublicKey;
        }

        static async Task Certificates(IHost host, string merchant)
        {
            var wx = host.Services.GetRequiredKeyedService<IChainNode>(merchant);
            for (var i = 0; i < 200 && WeChatPay.Chain.Certificates.RenewalStatus(wx)!.LastSucceeded is null; i++)
            {
                await Task.Delay(25);
            }
        }
    }

    /// <summary>A retrying handler as users write them: once more on a 5xx, the same request object.</summary>
    private sealed class RetryOnce : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500)
            {
                return response;
            }

            response.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Collects every formatted log entry of the host.</summary>
    internal sealed class Logs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Category, string Message)> _entries = new();

        public IReadOnlyList<(string Category, string Message)> Entries => [.. _entries];

        public void Clear() => _entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Logs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs._entries.Enqueue((category, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));
        }
    }

    [GeneratedRegex("nonce_str=\"([^\"]+)\"")]
    private static partial Regex NonceOf();
}
