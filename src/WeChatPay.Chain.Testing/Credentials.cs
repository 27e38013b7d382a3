using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// The keys of one fake platform and its merchant, made at start: the merchant key and serial, the platform
/// certificate and its key, the WeChat Pay public key and its id, and the APIv3 key. None of them is real.
/// </summary>
public sealed class Credentials
{
    internal Credentials(FakePlatformOptions options)
    {
        Mchid = options.Mchid;
        MerchantKey = options.MerchantKey ?? RSA.Create(2048);
        MerchantSerial = (options.MerchantSerial ?? Convert.ToHexString(RandomSerial())).ToUpperInvariant();
        if (MerchantSerial.Length % 2 != 0 || !MerchantSerial.All(char.IsAsciiHexDigit) || MerchantSerial[0] > '7')
        {
            throw new ArgumentException("MerchantSerial must be hex of whole bytes whose first byte is below 0x80, as certificate serials are.", nameof(options));
        }

        _time = options.TimeProvider;
        if (options.Sm2)
        {
            Sm2MerchantKey = Sm2.CreateKey();
            Sm2PublicKey = Sm2.CreateKey();
            (Sm2PlatformKey, Sm2PlatformSerial, Sm2PlatformCertificate) = Sm2Certificates.Create(_time.GetUtcNow());
        }

        _current = NewPlatformCertificate();
        _platform.Add(_current);
        PublicKey = RSA.Create(2048);
        PublicKeyId = "PUB_KEY_ID_0" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999) + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999) + "00000000000";
        ApiV3Key = RandomNumberGenerator.GetString(Alphanumeric, 32);
        ApiV2Key = RandomNumberGenerator.GetString(Alphanumeric, 32);
        CertificateAuthority = Authority("WeChatPay.Chain.Testing CA");
        ServerCertificate = Issue(CertificateAuthority, RSA.Create(2048), "CN=127.0.0.1", RandomSerial(), server: true);
        MerchantCertificate = Issue(CertificateAuthority, MerchantKey, $"CN={Mchid}, OU=WeChatPay.Chain.Testing, O=微信商户系统 (fake)", Convert.FromHexString(MerchantSerial), server: false);
    }

    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A fresh set of test keys with no platform behind them, for <see cref="HttpTestExtensions.RespondSigned"/>.</summary>
    /// <param name="mchid">The merchant id.</param>
    public static Credentials Generate(string mchid = "1900000109") => new(new FakePlatformOptions { Mchid = mchid });

    /// <summary>The merchant id.</summary>
    public string Mchid { get; }

    /// <summary>The merchant API private key (the client signs with it; the platform checks with its public half).</summary>
    public RSA MerchantKey { get; }

    /// <summary>In 国密 mode (<see cref="FakePlatformOptions.Sm2"/>), the merchant's SM2 key, which signs requests instead of <see cref="MerchantKey"/>; else <see langword="null"/>.</summary>
    public Sm2PrivateKey? Sm2MerchantKey { get; }

    /// <summary>In 国密 mode, the SM2 WeChat Pay public key pair, named by <see cref="PublicKeyId"/>; else <see langword="null"/>.</summary>
    public Sm2PrivateKey? Sm2PublicKey { get; }

    /// <summary>In 国密 mode, the SM2 platform key that signs in certificate mode, named by <see cref="Sm2PlatformSerial"/>; else <see langword="null"/>.</summary>
    public Sm2PrivateKey? Sm2PlatformKey { get; }

    /// <summary>In 国密 mode, the serial <c>Wechatpay-Serial</c> names for <see cref="Sm2PlatformKey"/>; else <see langword="null"/>.</summary>
    public string? Sm2PlatformSerial { get; }

    /// <summary>
    /// In 国密 mode, the SM2 platform certificate over <see cref="Sm2PlatformKey"/> (PEM, SM3withSM2, self-signed), as
    /// <c>/v3/certificates?algorithm_type=SM2</c> lists it sealed with AEAD_SM4_GCM; else <see langword="null"/>.
    /// </summary>
    public string? Sm2PlatformCertificate { get; }

    /// <summary>The merchant API certificate serial, upper-case hex.</summary>
    public string MerchantSerial { get; }

    private readonly TimeProvider _time;
    private readonly List<Issued> _platform = [];
    private Issued _current;

    /// <summary>The current platform certificate's private key, which signs answers in certificate mode.</summary>
    public RSA PlatformKey => Volatile.Read(ref _current).Key;

    /// <summary>The current platform certificate (self-signed; nothing trusts it).</summary>
    public X509Certificate2 PlatformCertificate => Volatile.Read(ref _current).Certificate;

    /// <summary>Every platform certificate published (current, older and coming), as <c>/v3/certificates</c> lists the unexpired ones.</summary>
    public IReadOnlyList<X509Certificate2> PlatformCertificates
    {
        get
        {
            lock (_platform)
            {
                return [.. _platform.Select(p => p.Certificate)];
            }
        }
    }

    /// <summary>The platform certificate's serial, as <c>Wechatpay-Serial</c> names it.</summary>
    public string PlatformSerial => PlatformCertificate.SerialNumber;

    /// <summary>The WeChat Pay public key pair (the platform signs with the private half).</summary>
    public RSA PublicKey { get; }

    /// <summary>The WeChat Pay public key id, <c>PUB_KEY_ID_…</c>.</summary>
    public string PublicKeyId { get; }

    /// <summary>The APIv3 key (32 ASCII characters), for resources the platform encrypts.</summary>
    public string ApiV3Key { get; }

    /// <summary>
    /// Client options for these keys: the merchant id, serial and key, both verification keys (the platform
    /// certificate and the WeChat Pay public key, so answers signed in either <see cref="SigningMode"/> verify), the
    /// APIv3 and APIv2 keys, the merchant certificate, and trust in <see cref="CertificateAuthority"/>. In 国密 mode the
    /// merchant key is <see cref="Sm2MerchantKey"/>, <see cref="PublicKeyId"/> names the SM2 public key, and the SM2
    /// platform certificate sits beside the RSA one.
    /// </summary>
    /// <param name="baseUri">Where the client sends; the real platform when <see langword="null"/>.</param>
    /// <param name="time">The client's clock.</param>
    public BuilderOptions ClientOptions(Uri? baseUri = null, TimeProvider? time = null)
    {
        var options = new BuilderOptions
        {
            Mchid = Mchid,
            Serial = MerchantSerial,
            PrivateKey = MerchantKey,
            BaseUri = baseUri,
            TimeProvider = time,
        };
        options.Certs[PlatformSerial] = PlatformCertificate;
        options.Certs[PublicKeyId] = PublicKey.ExportSubjectPublicKeyInfoPem();
        if (Sm2MerchantKey is not null)
        {
            options.PrivateKey = Sm2MerchantKey;
            options.Certs[PublicKeyId] = Sm2PublicKey!.PublicKey.ExportSubjectPublicKeyInfoPem();
            options.Certs[Sm2PlatformSerial!] = Sm2PlatformCertificate!;
        }

        options.Secret = ApiV2Key;
        options.ApiV3Key = ApiV3Key;
        options.Merchant = WeChatPay.Chain.MerchantCertificate.FromCertificate(MerchantCertificate);
        options.TrustedRoots = [CertificateAuthority];
        return options;
    }

    /// <summary>The APIv2 key (32 ASCII letters and digits), which signs APIv2 fields both ways.</summary>
    public string ApiV2Key { get; }

    /// <summary>The certificate authority of the platform's HTTPS side: it issued the server and merchant certificates. Trust it in the client (<see cref="BuilderOptions.TrustedRoots"/>).</summary>
    public X509Certificate2 CertificateAuthority { get; }

    /// <summary>The HTTPS server certificate, for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>
    /// The merchant API certificate (<c>apiclient_cert</c>), issued by <see cref="CertificateAuthority"/> to the
    /// merchant over <see cref="MerchantKey"/> with serial <see cref="MerchantSerial"/>, private key included.
    /// </summary>
    public X509Certificate2 MerchantCertificate { get; }

    /// <summary>Names the merchant and the serials; never a key.</summary>
    public override string ToString() => $"Credentials {{ Mchid = {Mchid}, MerchantSerial = {MerchantSerial}, PlatformSerial = {PlatformSerial}, PublicKeyId = {PublicKeyId} }}";

    /// <summary>
    /// AEAD_AES_256_GCM with the APIv3 key, as the platform seals notification resources and downloaded certificates:
    /// base64 of the ciphertext followed by the 16-byte tag.
    /// </summary>
    internal string Seal(string plaintext, string nonce, string associatedData)
    {
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[input.Length + 16];
        using var aes = new System.Security.Cryptography.AesGcm(Encoding.ASCII.GetBytes(ApiV3Key), 16);
        aes.Encrypt(Encoding.ASCII.GetBytes(nonce), input, output.AsSpan(0, input.Length), output.AsSpan(input.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    /// <summary>
    /// The platform's resource sealing: AEAD_SM4_GCM in 国密 mode (the SM4 key derived from the APIv3 key), else
    /// AEAD_AES_256_GCM; returns the algorithm's name with the ciphertext.
    /// </summary>
    internal (string Algorithm, string Ciphertext) SealResource(string plaintext, string nonce, string associatedData, bool sm4) =>
        sm4 ? ("AEAD_SM4_GCM", Sm4.Encrypt(plaintext, ApiV3Key, nonce, associatedData)) : ("AEAD_AES_256_GCM", Seal(plaintext, nonce, associatedData));

    /// <summary>Publishes a new platform certificate (listed by <c>/v3/certificates</c>) without signing with it yet.</summary>
    internal X509Certificate2 PublishPlatformCertificate()
    {
        var next = NewPlatformCertificate();
        lock (_platform)
        {
            _platform.Add(next);
        }

        return next.Certificate;
    }

    /// <summary>Signs with the newest published platform certificate from now on.</summary>
    internal void SwitchToNewestPlatformCertificate()
    {
        lock (_platform)
        {
            Volatile.Write(ref _current, _platform[^1]);
        }
    }

    /// <summary>A platform certificate valid for 5 years from now by the platform's clock.</summary>
    private Issued NewPlatformCertificate()
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Tenpay.com Root CA (fake), O=WeChatPay.Chain.Testing", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = _time.GetUtcNow();
        return new Issued(key, request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(5), RandomSerial()));
    }

    /// <summary>A platform certificate and its key.</summary>
    private sealed record Issued(RSA Key, X509Certificate2 Certificate);

    private static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        return Usable(request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5)));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, RSA key, string subject, byte[] serial, bool server)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(authority, now.AddDays(-1), now.AddYears(2), serial);
        return Usable(issued.CopyWithPrivateKey(key));
    }

    /// <summary>A certificate whose key TLS can use on every platform: a PKCS#12 round trip of an in-memory one.</summary>
    private static X509Certificate2 Usable(X509Certificate2 certificate)
    {
        using (certificate)
        {
#if NET9_0_OR_GREATER
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
#else
            return new X509Certificate2(certificate.Export(X509ContentType.Pkcs12), (string?)null, X509KeyStorageFlags.Exportable);
#endif
        }
    }

    private static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] &= 0x7F;
        return serial;
    }
}
