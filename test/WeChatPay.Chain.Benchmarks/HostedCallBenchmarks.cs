using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WeChatPay.Chain.Benchmarks;

/// <summary>
/// What the hosting package adds to a signed, verified call, against plain <see cref="Builder.Factory"/> and the RSA
/// floor in the same run: the same in-memory answer under a merchant registered with <c>AddWeChatPay</c> (handlers
/// from <c>IHttpClientFactory</c>, the <see cref="ResigningHandler"/>), then with retries on (the resilience pipeline,
/// no retry taken), then with a listener on the traces and an enabled logger.
/// </summary>
[MemoryDiagnoser]
public class HostedCallBenchmarks
{
    private const string Serial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    private const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
    private const string ResponseBody = """{"out_order_no":"P20150806125346","out_return_no":"R20190516001","return_mchid":"86693852","amount":10,"return_id":"3008450740201411110007820472","result":"PROCESSING"}""";

    private static readonly object Json = new { out_order_no = "P20150806125346", out_return_no = "R20190516001", return_mchid = "86693852", amount = 10, description = "用户退款" };

    private readonly RsaExchange _exchange = new(Json, ResponseBody);
    private readonly List<ServiceProvider> _providers = [];
    private IChainNode _plain = null!;
    private IChainNode _hosted = null!;
    private IChainNode _hostedWithRetries = null!;
    private IChainNode _hostedObserved = null!;
    private ActivityListener? _listener;

    [GlobalSetup]
    public void Setup()
    {
        var now = _exchange.Now;
        CannedAnswer Answer() => _exchange.Answer(PublicKeyId);

        var plain = new BuilderOptions { Mchid = "1900000109", Serial = Serial, PrivateKey = _exchange.Merchant, TimeProvider = new FrozenClock(now), HttpMessageHandler = Answer() };
        plain.Certs[PublicKeyId] = _exchange.Platform.ExportSubjectPublicKeyInfoPem();
        _plain = Builder.Factory(plain).Chain("v3/profitsharing/return-orders");

        IChainNode Hosted(bool retries, ILoggerFactory? logging)
        {
            var services = new ServiceCollection();
            services.AddSingleton(logging ?? NullLoggerFactory.Instance);
            services.AddWeChatPay(options =>
            {
                options.Mchid = "1900000109";
                options.Serial = Serial;
                options.PrivateKey = _exchange.Merchant.ExportPkcs8PrivateKeyPem();
                options.Certs[PublicKeyId] = _exchange.Platform.ExportSubjectPublicKeyInfoPem();
                options.Retry.Enabled = retries;
                options.Configure = o => o.TimeProvider = new FrozenClock(now);
            }).ConfigureHttpClients(http => http.ConfigurePrimaryHttpMessageHandler(Answer));
            var provider = services.BuildServiceProvider();
            _providers.Add(provider);
            return provider.GetRequiredService<IChainNode>().Chain("v3/profitsharing/return-orders");
        }

        _hosted = Hosted(retries: false, logging: null);
        _hostedWithRetries = Hosted(retries: true, logging: null);
        _hostedObserved = Hosted(retries: true, logging: LoggerFactory.Create(b => b.AddProvider(new CountingProvider()).SetMinimumLevel(LogLevel.Information)));
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WeChatPayDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _providers.ForEach(p => p.Dispose());
    }

    /// <summary>The floor: sign the request message and verify the response signature, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public bool Bare_rsa_sign_and_verify() => _exchange.SignAndVerify();

    /// <summary>Plain <see cref="Builder.Factory"/>, its own handler.</summary>
    [Benchmark]
    public async Task<int> Plain_builder_call() => (await _plain.PostAsync(new { json = Json }).ConfigureAwait(false)).StatusCode;

    /// <summary>Registered with <c>AddWeChatPay</c>: handlers from <c>IHttpClientFactory</c> per request.</summary>
    [Benchmark]
    public async Task<int> Hosted_call() => (await _hosted.PostAsync(new { json = Json }).ConfigureAwait(false)).StatusCode;

    /// <summary>Hosted, with the retry pipeline in place (no retry taken).</summary>
    [Benchmark]
    public async Task<int> Hosted_call_with_retries_on() => (await _hostedWithRetries.PostAsync(new { json = Json }).ConfigureAwait(false)).StatusCode;

    /// <summary>Hosted, retries on, the span recorded and the log entry written.</summary>
    [Benchmark]
    public async Task<int> Hosted_call_traced_and_logged() => (await _hostedObserved.PostAsync(new { json = Json }).ConfigureAwait(false)).StatusCode;

    /// <summary>A logger that formats and drops every entry, as a real provider does before writing.</summary>
    private sealed class CountingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Counting();

        public void Dispose()
        {
        }

        private sealed class Counting : ILogger
        {
            public long Written { get; private set; }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                Written += formatter(state, exception).Length;
        }
    }
}
