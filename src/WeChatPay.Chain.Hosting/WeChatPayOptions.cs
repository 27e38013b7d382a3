namespace WeChatPay.Chain.Hosting;

/// <summary>
/// One merchant as configuration holds it: every value a string, number or list, so it binds from any configuration
/// source (appsettings.json, environment variables, user-secrets, a vault). Keys are PEM text or <c>file://</c> paths.
/// Validated at start-up through <see cref="Builder.Validate"/>; each error names the configuration key, never a value.
/// </summary>
public sealed class WeChatPayOptions
{
    /// <summary>The merchant id (商户号).</summary>
    public string? Mchid { get; set; }

    /// <summary>The merchant API certificate serial (APIv3).</summary>
    public string? Serial { get; set; }

    /// <summary>The merchant API private key (RSA or SM2): PEM text or a <c>file://</c> path.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Platform certificates by serial and WeChat Pay public keys by <c>PUB_KEY_ID_…</c>: PEM text or <c>file://</c> paths.</summary>
    public IDictionary<string, string> Certs { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The APIv3 key (notifications, certificate downloads).</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>The APIv2 key.</summary>
    public string? Secret { get; set; }

    /// <summary>The merchant API certificate for APIv2 calls with mutual TLS.</summary>
    public MerchantCertificateOptions Merchant { get; } = new();

    /// <summary>Keep the platform certificates current by downloading them (<see cref="BuilderOptions.AutoRenewCertificates"/>).</summary>
    public bool AutoRenewCertificates { get; set; }

    /// <summary>How often certificates are downloaded when <see cref="AutoRenewCertificates"/> is on.</summary>
    public TimeSpan? CertificateRenewalInterval { get; set; }

    /// <summary>Another API host (<see cref="BuilderOptions.BaseUri"/>).</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>Further hosts a call's <c>base_uri</c> may name.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Certificate authorities to trust for the API host (PEM text or <c>file://</c> paths), beside the system's.</summary>
    public IList<string> TrustedRoots { get; } = [];

    /// <summary>Each call's deadline (<see cref="BuilderOptions.Timeout"/>).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The most bytes of an answer read into memory (<see cref="BuilderOptions.MaxResponseSize"/>).</summary>
    public long? MaxResponseSize { get; set; }

    /// <summary>Also log request and answer bodies at <c>Debug</c>, sensitive fields and signatures hidden (<see cref="BuilderOptions.LogBodies"/>).</summary>
    public bool LogBodies { get; set; }

    /// <summary>Retries of transport failures, 429 and 5xx: off unless <see cref="RetryOptions.Enabled"/>; every attempt is signed afresh.</summary>
    public RetryOptions Retry { get; } = new();

    /// <summary>
    /// Further settings in code, applied after the configured ones: a <see cref="TimeProvider"/>, pipeline steps, Flurl
    /// settings. Leave <see cref="BuilderOptions.HttpMessageHandler"/> and <see cref="BuilderOptions.HttpMessageHandlerFactory"/>
    /// alone: the HTTP clients come from <c>IHttpClientFactory</c>.
    /// </summary>
    public Action<BuilderOptions>? Configure { get; set; }

    /// <summary>Names what is set, never a value.</summary>
    public override string ToString() =>
        $"WeChatPayOptions {{ Mchid = {(Mchid is null ? "(none)" : "(set)")}, PrivateKey = {(PrivateKey is null ? "(none)" : "(set)")}, Certs = {Certs.Count}, ApiV3Key = {(ApiV3Key is null ? "(none)" : "(set)")}, Secret = {(Secret is null ? "(none)" : "(set)")}, Retry = {Retry.Enabled} }}";
}

/// <summary>The merchant API certificate: a PKCS#12 file and its password, or the PEM pair.</summary>
public sealed class MerchantCertificateOptions
{
    /// <summary>The <c>apiclient_cert.p12</c> file: a <c>file://</c> path.</summary>
    public string? P12 { get; set; }

    /// <summary>The PKCS#12 password (WeChat Pay issues it as the merchant id).</summary>
    public string? Password { get; set; }

    /// <summary>The certificate (<c>apiclient_cert.pem</c>): PEM text or a <c>file://</c> path, with <see cref="PrivateKey"/>.</summary>
    public string? Certificate { get; set; }

    /// <summary>Its private key (<c>apiclient_key.pem</c>): PEM text or a <c>file://</c> path.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Whether any part is set.</summary>
    internal bool IsSet => P12 is not null || Certificate is not null || PrivateKey is not null;

    /// <summary>Names what is set, never a value.</summary>
    public override string ToString() => P12 is not null ? "MerchantCertificateOptions { P12 }" : Certificate is not null ? "MerchantCertificateOptions { PEM pair }" : "MerchantCertificateOptions { (none) }";
}

/// <summary>
/// Retries of a call that failed in transport, or was answered 429 or 5xx (the platform's <c>SYSTEM_ERROR</c> asks
/// for a retry with the same parameters), with exponential backoff and jitter, honouring <c>Retry-After</c> and the
/// caller's cancellation. Each attempt is signed afresh. Retrying a POST after a transport failure may repeat an
/// operation the platform did receive: WeChat Pay's order numbers make that safe where the platform documents it.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Whether calls are retried at all; off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The first backoff; each next one doubles, with jitter.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(500);
}
