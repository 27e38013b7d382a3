using Microsoft.Extensions.Logging;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Keeps the platform certificates current: downloads <c>GET /v3/certificates</c> (the SM2 set,
/// <c>?algorithm_type=SM2</c>, for a merchant that signs with SM2), decrypts each certificate with the APIv3 key
/// (AEAD_AES_256_GCM, or AEAD_SM4_GCM as each names), verifies the download with the certificate it names
/// (bootstrapping), and swaps them into the
/// <see cref="PlatformKeyStore"/>. It runs on a schedule (<see cref="TimeProvider"/>), and when an answer names a
/// serial not yet known, at most once per <see cref="MinimumGap"/>; one download at a time, and calls in flight keep
/// using the keys they have.
/// </summary>
internal sealed class CertificateRenewer : IDisposable
{
    /// <summary>How soon after one download another may be made for an unknown serial.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(60);

    private static readonly System.Diagnostics.Metrics.Counter<long> Renewals = Telemetry.CallObserver.Meter.CreateCounter<long>(WeChatPayDiagnostics.CertificateRenewals, description: "Platform certificate downloads, by outcome.");

    private static readonly Action<ILogger, string, string, Exception?> Renewed = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(10, "PlatformCertificatesRenewed"), "WeChat Pay platform certificates ({Algorithm}) downloaded and verified: {Serials}");

    private static readonly Action<ILogger, string, string, Exception?> NotRenewed = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(11, "PlatformCertificatesNotRenewed"), "WeChat Pay platform certificate download failed ({ErrorType}): {Reason}; the keys in use stay");

    private readonly PlatformKeyStore _store;
    private readonly string _apiV3Key;
    private readonly bool _sm2;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly object _sync = new();
    private Client? _client;
    private Task? _inFlight;
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private CertificateRenewalStatus _status = new(null, null, null, 0);

    private readonly ILogger? _logger;

    public CertificateRenewer(PlatformKeyStore store, string apiV3Key, bool sm2, TimeProvider time, TimeSpan interval, ILogger? logger = null)
    {
        _logger = logger;
        _store = store;
        _apiV3Key = apiV3Key;
        _sm2 = sm2;
        _time = time;
        _timer = time.CreateTimer(static state => _ = ((CertificateRenewer)state!).RenewQuietlyAsync(), this, interval, interval);
    }

    /// <summary>Whether the current call is this renewer's own download, which it verifies itself.</summary>
    public static bool IsDownloading => CertificateDownload.IsRunning;

    /// <summary>Whether a download is running now.</summary>
    public bool Busy
    {
        get
        {
            lock (_sync)
            {
                return _inFlight is { IsCompleted: false };
            }
        }
    }

    /// <summary>The failure of the last download, if it failed; the keys it would have replaced stay in use.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>What the downloads so far came to, for logs and health checks.</summary>
    public CertificateRenewalStatus Status
    {
        get
        {
            lock (_sync)
            {
                return _status;
            }
        }
    }

    /// <summary>Connects the renewer to the client it downloads with (built after it).</summary>
    public void Attach(Client client) => _client = client;

    /// <summary>Downloads now unless one ran within <see cref="MinimumGap"/>; joins a download already running.</summary>
    public Task RefreshAsync()
    {
        lock (_sync)
        {
            if (_inFlight is { IsCompleted: false } running)
            {
                return running;
            }

            var now = _time.GetUtcNow();
            if (now - _last < MinimumGap)
            {
                return Task.CompletedTask;
            }

            _last = now;
            return _inFlight = DownloadAsync();
        }
    }

    public void Dispose() => _timer.Dispose();

    private async Task RenewQuietlyAsync()
    {
        try
        {
            await RefreshAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A scheduled renewal that fails leaves the current keys in place and its error in LastError; the next one tries again.
        }
    }

    private async Task DownloadAsync()
    {
        var client = _client ?? throw new InvalidOperationException("The renewer is not attached to a client.");
        try
        {
            var downloaded = await CertificateDownload.FetchAsync(client, _apiV3Key, _sm2 ? "SM2" : null, _store, _time, CancellationToken.None).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            _store.Update(downloaded.Select(d => (d.Serial, d.Key, d.ExpireTime)), now);
            LastError = null;
            lock (_sync)
            {
                _status = _status with { LastSucceeded = now, LastError = null, Certificates = downloaded.Count(d => d.ExpireTime > now) };
            }

            Renewals.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            if (_logger is not null)
            {
                Renewed(_logger, _sm2 ? "SM2" : "RSA", string.Join(", ", downloaded.Select(d => d.Serial)), null);
            }
        }
        catch (Exception e)
        {
            LastError = e;
            lock (_sync)
            {
                _status = _status with { LastFailed = _time.GetUtcNow(), LastError = e.GetType().Name };
            }

            Renewals.Add(1, new KeyValuePair<string, object?>("outcome", "failure"), new KeyValuePair<string, object?>("error.type", e.GetType().Name));
            if (_logger is not null)
            {
                // The library's messages name options and serials, never key material.
                NotRenewed(_logger, e.GetType().Name, e.Message, null);
            }

            throw;
        }
    }
}
