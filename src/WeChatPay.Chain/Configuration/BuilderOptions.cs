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

    /// <summary>The merchant API private key (<c>apiclient_key.pem</c>): PEM text (PKCS#1 or PKCS#8), a <c>file://</c> path, or a loaded key.</summary>
    public KeySource? PrivateKey { get; set; }

    /// <summary>
    /// The keys that verify the platform's responses, by the serial the platform names in <c>Wechatpay-Serial</c>:
    /// platform certificates by their hex serial and WeChat Pay public keys by their <c>PUB_KEY_ID_…</c> id, side by side.
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
    /// such as the fake platform. The host name is still checked.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? TrustedRoots { get; set; }

    /// <summary>The host every call goes to unless a call gives option <c>base_uri</c>; defaults to <see cref="DefaultBaseUri"/>.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>The clock for request timestamps and the response timestamp window; defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>How long one call may take before it is abandoned; defaults to Flurl's (100 s).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Further Flurl client settings, applied after this library's own (which keep any status code for the library to judge).</summary>
    public Action<FlurlHttpSettings>? FlurlSettings { get; set; }

    /// <summary>
    /// Changes to the named interceptor pipelines (<c>signer</c>, <c>verifier</c>) before the first call: add your own,
    /// replace or remove a built-in one. It runs once for the APIv3 pipeline and once for the APIv2 one, each
    /// configured; <see cref="Pipeline.InterceptorPipeline.Api"/> tells which.
    /// </summary>
    public Action<Pipeline.InterceptorPipeline>? Pipeline { get; set; }

    /// <summary>
    /// The handler under the Flurl client; defaults to a pooled <see cref="SocketsHttpHandler"/>. Calls with option
    /// <c>security = true</c> always use a handler of their own that carries the merchant certificate.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

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
            + $"ApiV3Key = {Set(ApiV3Key)}, Secret = {Set(Secret)}, Merchant = {Merchant?.Kind ?? "(none)"}, AutoRenewCertificates = {AutoRenewCertificates}, BaseUri = {baseUri} }}";

        static string Shape(string? value) => value is null ? "(none)" : Describe.Value(value);

        static string Set(string? value) => value is null ? "(none)" : "(set)";
    }
}
