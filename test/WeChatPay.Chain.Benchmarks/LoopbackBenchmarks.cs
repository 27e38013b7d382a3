using BenchmarkDotNet.Attributes;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Benchmarks;

/// <summary>
/// A real round trip to the fake platform on 127.0.0.1 over TLS (keep-alive, same process): a bare
/// <see cref="HttpClient"/> GET of the same URL as the baseline, against the library's signed and verified GET. The platform signs both
/// answers, so the difference is the client's signature, its verification, the platform's check of the request
/// signature (~20 µs of RSA verify), and the library's own work.
/// </summary>
[MemoryDiagnoser]
public class LoopbackBenchmarks
{
    private const string Path = "v3/profitsharing/return-orders/RBENCH1?out_order_no=P20150806125346";
    private FakePlatform _platform = null!;
    private HttpClient _bare = null!;
    private IChainNode _query = null!;

    [GlobalSetup]
    public void Setup()
    {
        _platform = FakePlatform.StartAsync(new FakePlatformOptions { RejectReplayedNonces = true }).GetAwaiter().GetResult();
        // The same TLS connection the library makes: trust the platform's test CA, nothing else.
        var authority = _platform.Credentials.CertificateAuthority;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
            chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
            return chain.Build((System.Security.Cryptography.X509Certificates.X509Certificate2)certificate!);
        };
        _bare = new HttpClient(handler) { BaseAddress = _platform.BaseUri };
        _bare.DefaultRequestHeaders.UserAgent.ParseAdd("bench/1.0");
        var wx = Builder.Factory(_platform.ClientOptions());
        wx.Chain("v3/profitsharing/return-orders").PostAsync(new { json = new { out_order_no = "P20150806125346", out_return_no = "RBENCH1", return_mchid = "86693852", amount = 1, description = "bench" } }).GetAwaiter().GetResult();
        _query = wx.Chain("v3/profitsharing/return-orders/RBENCH1");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _platform.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The same URL without signing or verification (the platform answers 401, signed).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Bare_HttpClient_round_trip()
    {
        using var response = await _bare.GetAsync(Path).ConfigureAwait(false);
        return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
    }

    /// <summary>The library's GET: signed, judged and answered by the platform, verified.</summary>
    [Benchmark]
    public async Task<int> Signed_verified_round_trip() =>
        (await _query.GetAsync(new { query = new { out_order_no = "P20150806125346" } }).ConfigureAwait(false)).StatusCode;
}
