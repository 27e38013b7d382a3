using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// Keys generated once per test run: nothing secret is committed. The merchant key signs requests; the platform
/// certificate and the WeChat Pay public key sign responses.
/// </summary>
internal static class TestKeys
{
    public const string Mchid = "1900000109";
    public const string MerchantSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";

    private static readonly Lazy<RSA> LazyMerchant = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> LazyPlatform = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> LazyPublicKey = new(() => RSA.Create(2048));
    private static readonly Lazy<X509Certificate2> LazyCertificate = new(() => Certificate(LazyPlatform.Value, "WeChat Pay test platform"));

    public static RSA Merchant => LazyMerchant.Value;

    /// <summary>The platform certificate's key, for responses signed in certificate mode.</summary>
    public static RSA Platform => LazyPlatform.Value;

    /// <summary>The key behind <see cref="PublicKeyId"/>, for responses signed in public-key mode.</summary>
    public static RSA WechatpayPublicKey => LazyPublicKey.Value;

    public static X509Certificate2 PlatformCertificate => LazyCertificate.Value;

    public static string PlatformSerial => PlatformCertificate.SerialNumber;

    public static string MerchantPrivatePem => Merchant.ExportPkcs8PrivateKeyPem();

    public static string MerchantPublicPem => Merchant.ExportSubjectPublicKeyInfoPem();

    public static string PlatformCertificatePem => PlatformCertificate.ExportCertificatePem();

    public static string WechatpayPublicKeyPem => WechatpayPublicKey.ExportSubjectPublicKeyInfoPem();

    /// <summary>Options with both verification keys, side by side as during a migration.</summary>
    public static BuilderOptions Options(TimeProvider? time = null, Uri? baseUri = null)
    {
        var options = new BuilderOptions
        {
            Mchid = Mchid,
            Serial = MerchantSerial,
            PrivateKey = MerchantPrivatePem,
            TimeProvider = time,
            BaseUri = baseUri,
        };
        options.Certs[PlatformSerial] = PlatformCertificatePem;
        options.Certs[PublicKeyId] = WechatpayPublicKeyPem;
        return options;
    }

    public static X509Certificate2 Certificate(RSA key, string name)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(1), serial);
    }
}
