using Flurl.Http.Configuration;

namespace WeChatPay.Chain;

/// <summary>What <see cref="Builder.Factory"/> needs to sign requests and verify responses. Every value is checked there, once.</summary>
public sealed class BuilderOptions
{
    /// <summary>The default WeChat Pay host.</summary>
    public static readonly Uri DefaultBaseUri = new("https://api.mch.weixin.qq.com/");

    /// <summary>The merchant id (商户号), digits only.</summary>
    public string? Mchid { get; set; }

    /// <summary>The merchant API certificate serial (商户API证书序列号), hex.</summary>
    public string? Serial { get; set; }

    /// <summary>
    /// The merchant API private key (<c>apiclient_key.pem</c>): PEM text (PKCS#1 or PKCS#8), a <c>file://</c> path, or a
    /// loaded key. An SM2 key (国密: PKCS#8 or SEC1 <c>EC PRIVATE KEY</c>, or an <see cref="Crypto.Sm2PrivateKey"/>)
    /// makes requests signed with SM3withSM2 under <c>WECHATPAY2-SM2-WITH-SM3</c>.
    /// </summary>
    public KeySource? PrivateKey { get; set; }

    /// <summary>
    /// The keys that verify the platform's responses, by the serial the platform names in <c>Wechatpay-Serial</c>:
    /// platform certificates by their hex serial and WeChat Pay public keys by their <c>PUB_KEY_ID_…</c> id, side by side.
    /// RSA and SM2 (国密) keys and certificates may be mixed: each answer is verified with the algorithm of the key its
    /// serial names.
    /// </summary>
    public IDictionary<string, KeySource> Certs { get; } = new Dictionary<string, KeySource>(StringComparer.Ordinal);

    /// <summary>
    /// The APIv3 key (APIv3密钥, 32 characters), which decrypts notifications' <c>resource</c> and downloaded platform
    /// certificates. Not needed to make calls.
    /// </summary>
    public string? ApiV3Key { get; set; }

    /// <summary>
    /// Keep platform certificates current by themselves: download <c>v3/certificates</c> (decrypted with
    /// <see cref="ApiV3Key"/>, verified with the certificate it carries) every <see cref="CertificateRenewalInterval"/>,
    /// and at once (at most once a minute) when an answer names a serial not yet known. Downloaded certificates join the
    /// ones in <see cref="Certs"/>, which may then start empty; expired ones are dropped; WeChat Pay public keys stay.
    /// </summary>
    public bool AutoRenewCertificates { get; set; }

    /// <summary>How often <see cref="AutoRenewCertificates"/> downloads; 12 hours by default.</summary>
    public TimeSpan? CertificateRenewalInterval { get; set; }

    /// <summary>The APIv2 key (APIv2密钥), which signs and verifies APIv2 (<c>v2/…</c>) calls. Not needed for APIv3 only.</summary>
    public string? Secret { get; set; }

    /// <summary>The merchant API certificate for APIv2 calls sent with option <c>security = true</c> (mutual TLS).</summary>
    public MerchantCertificate? Merchant { get; set; }

    /// <summary>
    /// Certificate authorities to trust for the server's TLS certificate instead of the system's, for test servers
    /// such as the fake platform. The host name is still checked. Not with <see cref="HttpMessageHandler"/>, which
    /// checks certificates itself: <see cref="Builder.Factory"/> refuses the two together.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? TrustedRoots { get; set; }

    /// <summary>
    /// The host every call goes to unless a call gives option <c>base_uri</c>; defaults to <see cref="DefaultBaseUri"/>.
    /// An absolute http(s) URI with no user-info, query or fragment.
    /// </summary>
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// Hosts a call's option <c>base_uri</c> may name besides this instance's own host and WeChat Pay's API hosts
    /// (<c>api.mch.weixin.qq.com</c>, <c>api2.mch.weixin.qq.com</c>, <c>apihk.mch.weixin.qq.com</c>,
    /// <c>fraud.mch.weixin.qq.com</c>): a signed request can be replayed by whoever receives it, so it goes nowhere
    /// else unless allowed here. Host names or IP addresses only (no scheme, port, path or wildcard), any case. Even an
    /// allowed host is reached over https when <see cref="BaseUri"/> is https.
    /// </summary>
    public ISet<string> AllowedHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The clock for request timestamps and the response timestamp window; defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>How long a call waits by default: 100 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>How many bytes of an answer are read into memory by default: 8 MiB.</summary>
    public const long DefaultMaxResponseSize = 8 * 1024 * 1024;

    /// <summary>
    /// How long one call may take, answer included, before it is abandoned with <see cref="WeChatPayTimeoutException"/>;
    /// <see cref="DefaultTimeout"/> when not set, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. For a
    /// streamed download (<see cref="Download"/>) it bounds the wait for the headers and then each wait for data.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// The most bytes of an answer read into memory; <see cref="DefaultMaxResponseSize"/> when not set. API answers are
    /// small: a longer one is refused with <see cref="ResponseTooLargeException"/> before it is read (when it declares
    /// its length) or as soon as it runs past the limit. Files are streamed with <see cref="Download"/>, with a limit of
    /// their own.
    /// </summary>
    public long? MaxResponseSize { get; set; }

    /// <summary>Further Flurl client settings, applied after this library's own (which keep any status code for the library to judge).</summary>
    public Action<FlurlHttpSettings>? FlurlSettings { get; set; }

    /// <summary>
    /// Changes to the named interceptor pipelines (<c>signer</c>, <c>verifier</c>) before the first call: add your own,
    /// replace or remove a built-in one. It runs once for the APIv3 pipeline and once for the APIv2 one, each
    /// configured; <see cref="Pipeline.InterceptorPipeline.Api"/> tells which.
    /// </summary>
    public Action<Pipeline.InterceptorPipeline>? Pipeline { get; set; }

    /// <summary>
    /// The handler under the Flurl client; defaults to a pooled <see cref="SocketsHttpHandler"/> of the library's own.
    /// Calls with option <c>security = true</c> always use a handler of their own that carries the merchant certificate.
    /// <para>
    /// A connection pool re-sends a request without a body, unchanged (the same signature, so the same nonce), when
    /// the server closes the connection without answering it; the library keeps every pool it sends through from
    /// doing so, so that each request reaches the wire once. Hence: a <see cref="SocketsHttpHandler"/> given here
    /// (alone or as the innermost handler under <see cref="DelegatingHandler"/>s) must not have sent a request yet;
    /// <see cref="Builder.Factory"/> adds to its <see cref="SocketsHttpHandler.PlaintextStreamFilter"/> (after any filter
    /// it has, which keeps working), and that applies to every client sharing the handler. One that has already sent,
    /// and an <see cref="HttpClientHandler"/> (whose pool cannot be reached), are refused with an
    /// <see cref="ArgumentException"/>. A handler of any other kind, such as a test double, is used as given: what it
    /// puts on the wire is up to it.
    /// </para>
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// Makes the handler under each of the instance's HTTP clients instead of the library, for hosts that route them
    /// through <c>IHttpClientFactory</c> (the hosting package sets it). It is called once per kind, at
    /// <see cref="Builder.Factory"/>; <see cref="HttpMessageHandler"/> and <see cref="TrustedRoots"/> are then the
    /// factory's concern: build the transport with <see cref="HttpHandlers.CreatePrimary"/> and put a
    /// <see cref="ResigningHandler"/> innermost, or retries would go out with the first attempt's signature.
    /// </summary>
    public Func<HttpClientKind, HttpMessageHandler>? HttpMessageHandlerFactory { get; set; }

    /// <summary>
    /// Where each call is logged: one entry per call (method, path template, status, platform code, <c>Request-ID</c>,
    /// attempts, duration), never a body, key, signature or sensitive field. <see langword="null"/> logs nothing.
    /// Traces and metrics need no option: see <see cref="WeChatPayDiagnostics"/>.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Also logs each call's request and answer bodies, at <c>Debug</c> level, for troubleshooting: every field the
    /// catalogue marks sensitive for the operation (names, id numbers, bank accounts…), every signature and every
    /// ciphertext replaced by <c>***</c>, each body cut to 4 KiB. Off by default: personal data the catalogue does not
    /// mark sensitive (an <c>openid</c>, an address) is logged as sent.
    /// </summary>
    public bool LogBodies { get; set; }

    /// <summary>
    /// Names the options that are set and the kind of each (PEM text, file, RSA key, certificate; how many
    /// <see cref="Certs"/>), never a value: not even <see cref="Mchid"/> or a <see cref="Certs"/> name, since a key put
    /// there by mistake would be printed with it.
    /// </summary>
    public override string ToString()
    {
        var certs = Certs.Count == 0 ? "(none)" : $"{Certs.Count} [{string.Join(", ", Certs.Values.Select(c => c?.Kind ?? "(null)"))}]";
        var baseUri = BaseUri is null ? "(default)" : Describe.Uri(BaseUri);
        return $"BuilderOptions {{ Mchid = {Shape(Mchid)}, Serial = {Shape(Serial)}, PrivateKey = {PrivateKey?.Kind ?? "(none)"}, Certs = {certs}, "
            + $"ApiV3Key = {Set(ApiV3Key)}, Secret = {Set(Secret)}, Merchant = {Merchant?.Kind ?? "(none)"}, AutoRenewCertificates = {AutoRenewCertificates}, BaseUri = {baseUri}, AllowedHosts = {AllowedHosts.Count} }}";

        static string Shape(string? value) => value is null ? "(none)" : Describe.Value(value);

        static string Set(string? value) => value is null ? "(none)" : "(set)";
    }
}
