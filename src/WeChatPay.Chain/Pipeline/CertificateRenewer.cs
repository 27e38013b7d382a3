using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

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

    private const string AesAlgorithm = "AEAD_AES_256_GCM";
    private const string Sm4Algorithm = "AEAD_SM4_GCM";

    private static readonly AsyncLocal<bool> Downloading = new();

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
    public static bool IsDownloading => Downloading.Value;

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
            WeChatPayResponse response;
            Downloading.Value = true;
            try
            {
                var options = _sm2 ? new { query = new { algorithm_type = "SM2" } } : null;
                response = await client.SendAsync(HttpMethod.Get, PathTemplate.Root.Append(["v3", "certificates"]), options, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                Downloading.Value = false;
            }

            var downloaded = Decrypt(response);
            var known = _store.ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
            foreach (var (serial, key, _) in downloaded)
            {
                known[serial] = key;
            }

            new SignatureCheck(known, _time).Check(response.Header, response.Bytes.Span, new ResponseRejections(response));
            var now = _time.GetUtcNow();
            _store.Update(downloaded, now);
            LastError = null;
            lock (_sync)
            {
                _status = _status with { LastSucceeded = now, LastError = null, Certificates = downloaded.Count(d => d.Expires > now) };
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

    private List<(string Serial, PlatformKey Key, DateTimeOffset Expires)> Decrypt(WeChatPayResponse response)
    {
        var list = new List<(string, PlatformKey, DateTimeOffset)>();
        foreach (var item in response.Parsed?["data"] as JArray ?? [])
        {
            var serial = Json.Text(item, "serial_no");
            var sealedCertificate = item is JObject ? item["encrypt_certificate"] as JObject : null;
            if (serial is null || sealedCertificate is null)
            {
                continue;
            }

            var ciphertext = Json.Text(sealedCertificate, "ciphertext") ?? throw new CryptographicException($"The certificate listed as {Excerpt.Of(serial, Excerpt.TokenLength)} has no ciphertext.");
            var (nonce, associatedData) = (Json.Text(sealedCertificate, "nonce") ?? string.Empty, Json.Text(sealedCertificate, "associated_data") ?? string.Empty);
            var pem = (Json.Text(sealedCertificate, "algorithm") ?? (_sm2 ? Sm4Algorithm : AesAlgorithm)) switch
            {
                AesAlgorithm => Crypto.AesGcm.Decrypt(ciphertext, _apiV3Key, nonce, associatedData),
                Sm4Algorithm => Crypto.Sm4.Decrypt(ciphertext, _apiV3Key, nonce, associatedData),
                var other => throw new CryptographicException($"The certificate listed as {Excerpt.Of(serial, Excerpt.TokenLength)} is sealed with {Excerpt.Of(other, Excerpt.TokenLength)}; this library opens {AesAlgorithm} and {Sm4Algorithm}."),
            };
            using var certificate = X509Certificate2.CreateFromPem(pem);
            if (!certificate.SerialNumber.Equals(serial, StringComparison.OrdinalIgnoreCase))
            {
                throw new CryptographicException($"The downloaded certificate listed as {Excerpt.Of(serial, Excerpt.TokenLength)} has serial {certificate.SerialNumber}.");
            }

            var key = certificate.GetRSAPublicKey() is { } rsa ? PlatformKey.Of(rsa)
                : Crypto.PemKeys.IsEcKey(pem) ? PlatformKey.Of(Crypto.Sm2.LoadPublicKey(pem))
                : throw new CryptographicException("A downloaded certificate holds neither an RSA nor an SM2 key.");
            list.Add((serial.ToUpperInvariant(), key, new DateTimeOffset(certificate.NotAfter.ToUniversalTime())));
        }

        return list;
    }
}
