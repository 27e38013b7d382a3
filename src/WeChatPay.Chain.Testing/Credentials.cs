using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

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
        MerchantSerial = (options.MerchantSerial ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(20))).ToUpperInvariant();
        PlatformKey = RSA.Create(2048);
        PlatformCertificate = Certificate(PlatformKey, "Tenpay.com Root CA (fake)");
        PublicKey = RSA.Create(2048);
        PublicKeyId = "PUB_KEY_ID_0" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999) + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999) + "00000000000";
        ApiV3Key = RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 32);
    }

    /// <summary>A fresh set of test keys with no platform behind them, for <see cref="HttpTestExtensions.RespondSigned"/>.</summary>
    /// <param name="mchid">The merchant id.</param>
    public static Credentials Generate(string mchid = "1900000109") => new(new FakePlatformOptions { Mchid = mchid });

    /// <summary>The merchant id.</summary>
    public string Mchid { get; }

    /// <summary>The merchant API private key (the client signs with it; the platform checks with its public half).</summary>
    public RSA MerchantKey { get; }

    /// <summary>The merchant API certificate serial, upper-case hex.</summary>
    public string MerchantSerial { get; }

    /// <summary>The platform certificate's private key.</summary>
    public RSA PlatformKey { get; }

    /// <summary>The platform certificate (self-signed; nothing trusts it).</summary>
    public X509Certificate2 PlatformCertificate { get; }

    /// <summary>The platform certificate's serial, as <c>Wechatpay-Serial</c> names it.</summary>
    public string PlatformSerial => PlatformCertificate.SerialNumber;

    /// <summary>The WeChat Pay public key pair (the platform signs with the private half).</summary>
    public RSA PublicKey { get; }

    /// <summary>The WeChat Pay public key id, <c>PUB_KEY_ID_…</c>.</summary>
    public string PublicKeyId { get; }

    /// <summary>The APIv3 key (32 ASCII characters), for resources the platform encrypts.</summary>
    public string ApiV3Key { get; }

    /// <summary>
    /// Client options for these keys: the merchant id, serial and key, and both verification keys (the platform
    /// certificate and the WeChat Pay public key), so answers signed in either <see cref="SigningMode"/> verify.
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
        return options;
    }

    /// <summary>Names the merchant and the serials; never a key.</summary>
    public override string ToString() => $"Credentials {{ Mchid = {Mchid}, MerchantSerial = {MerchantSerial}, PlatformSerial = {PlatformSerial}, PublicKeyId = {PublicKeyId} }}";

    private static X509Certificate2 Certificate(RSA key, string name)
    {
        var request = new CertificateRequest($"CN={name}, O=WeChatPay.Chain.Testing", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] &= 0x7F;
        return request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(5), serial);
    }
}
