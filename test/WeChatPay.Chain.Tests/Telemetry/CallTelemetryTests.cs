using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Telemetry;

/// <summary>
/// Each call is one log entry, one client span named by its path template, and one measurement, against the fake
/// platform; none carries a body, key, signature, or the order number written into the path.
/// </summary>
[NonParallelizable]
public class CallTelemetryTests
{
    private FakePlatform _platform = null!;
    private readonly Logs _logs = new();

    [OneTimeSetUp]
    public async Task Start() => _platform = await FakePlatform.StartAsync();

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _platform.DisposeAsync();
        _logs.Dispose();
    }

    private IChainNode Wx()
    {
        var options = _platform.ClientOptions();
        options.LoggerFactory = _logs;
        return Builder.Factory(options);
    }

    [Test]
    public async Task Logs_one_entry_per_call_with_the_template_status_and_request_id_and_no_secret()
    {
        var wx = Wx();
        _logs.Clear();
        var res = await wx.Chain("v3/profitsharing/return-orders").PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = "R-LOG-1", return_mchid = "86693852", amount = 1, description = "用户退款" },
        });

        var entry = _logs.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(entry.Message, Does.Contain("POST v3/profitsharing/return-orders answered 200").And.Contain(res.RequestId!).And.Contain("1 attempt"));
        Assert.That(entry.Message, Does.Not.Contain("R-LOG-1").And.Not.Contain("P20150806125346"), "no body");
        Assert.That(entry.Message, Does.Not.Contain(_platform.Credentials.ApiV3Key).And.Not.Contain("signature"));
    }

    [Test]
    public async Task Logs_bodies_only_when_asked_with_sensitive_fields_and_signatures_hidden()
    {
        var options = _platform.ClientOptions();
        options.LoggerFactory = _logs;
        options.LogBodies = true;
        var wx = Builder.Factory(options);
        _logs.Clear();

        await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new
        {
            json = new { type = "MERCHANT_ID", account = "86693852", name = Sensitive.Of("腾讯财付通"), relation_type = "PARTNER" },
        });
        await wx["v2/pay/micropay"].PostAsync(new
        {
            xml = new { appid = "wx8888888888888888", mch_id = _platform.Credentials.Mchid, body = "image形象店", out_trade_no = "1217752501201407033233368018", total_fee = 888, spbill_create_ip = "8.8.8.8", auth_code = "120061098828009406" },
        });

        var bodies = _logs.Entries.Where(e => e.Level == LogLevel.Debug).Select(e => e.Message).ToList();
        Assert.That(bodies, Has.Count.EqualTo(2));
        Assert.That(bodies[0], Does.Contain("\"account\":\"86693852\"").And.Contain("\"name\":\"***\""), "the sealed name, sent and answered, is hidden");
        Assert.That(bodies[1], Does.Contain("<out_trade_no>1217752501201407033233368018</out_trade_no>").And.Contain("<sign>***</sign>"));
        Assert.That(string.Join('\n', bodies), Does.Not.Contain(_platform.Credentials.ApiV2Key));
    }

    [Test]
    public void Logs_a_failed_call_as_a_warning_with_the_platform_code()
    {
        var wx = Wx();
        _logs.Clear();
        _platform.Faults.Inject(Fault.ServerError);

        Assert.ThrowsAsync<WeChatPayApiException>(() => wx.Chain("v3/certificates").GetAsync());

        var entry = _logs.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.Message, Does.Contain("GET v3/certificates failed with 500 SYSTEM_ERROR"));
    }

    [Test]
    public async Task Names_the_span_by_the_catalogue_template_not_the_order_number_in_the_path()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WeChatPayDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var wx = Wx();
        await wx.Chain("v3/profitsharing/return-orders").PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = "R20190516888", return_mchid = "86693852", amount = 1, description = "用户退款" },
        });

        await wx.Chain("v3/profitsharing/return-orders/R20190516888").GetAsync(new { query = new { out_order_no = "P20150806125346" } });

        var span = spans.Last(s => s.Tags.Any(t => t.Value == "GET"));
        Assert.That(span.DisplayName, Is.EqualTo("GET v3/profitsharing/return-orders/{out_return_no}"));
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(span.GetTagItem("wechatpay.request_id"), Is.Not.Null);
        Assert.That(span.TagObjects.Select(t => t.Value?.ToString()), Has.None.Contains("R20190516888"));
    }

    [Test]
    public async Task Measures_each_call_by_template_status_and_code()
    {
        var measured = new ConcurrentQueue<(string Instrument, object Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == WeChatPayDiagnostics.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        var wx = Wx();
        _platform.Faults.Inject(Fault.TooManyRequests);

        Task<WeChatPayResponse> Add() => wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o-metrics", relation_type = "USER" } });
        Assert.ThrowsAsync<WeChatPayApiException>(Add);
        await Add();

        var ours = measured.Where(m => (string?)m.Tags["url.template"] == "v3/profitsharing/receivers/add").ToList();
        Assert.That(ours.Count(m => m.Instrument == WeChatPayDiagnostics.CallDuration), Is.EqualTo(2));
        Assert.That(ours.Count(m => m.Instrument == WeChatPayDiagnostics.Calls), Is.EqualTo(2));
        var failure = ours.Single(m => m.Instrument == WeChatPayDiagnostics.Failures);
        Assert.That((failure.Tags["http.response.status_code"], failure.Tags["wechatpay.code"]), Is.EqualTo(((object)429, (object)"FREQUENCY_LIMITED")));

        static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var all = new Dictionary<string, object?>();
            foreach (var (name, value) in tags)
            {
                all[name] = value;
            }

            return all;
        }
    }

    /// <summary>Collects formatted log entries.</summary>
    private sealed class Logs : ILoggerFactory, ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

        public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

        public void Clear() => _entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(Logs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs._entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
