namespace WeChatPay.Chain.Cli.Configuration;

/// <summary>
/// One merchant setting and the three places it may come from, in this order: the command-line option, the
/// environment variable, the profile field. A secret one is never printed, not even its length.
/// </summary>
internal sealed record Setting(string Field, string Option, string Variable, string Description, bool Secret = false)
{
    public static readonly Setting Mchid = new("mchid", "--mchid", "WECHATPAY_MCHID", "The merchant id (商户号).");
    public static readonly Setting Serial = new("serial", "--serial", "WECHATPAY_SERIAL", "The merchant API certificate serial (商户API证书序列号).");
    public static readonly Setting PrivateKey = new("privateKey", "--private-key", "WECHATPAY_PRIVATE_KEY", "The merchant API private key: PEM text or a file:// path (RSA or SM2).", Secret: true);
    public static readonly Setting PublicKeyId = new("publicKeyId", "--public-key-id", "WECHATPAY_PUBLIC_KEY_ID", "The WeChat Pay public key id, PUB_KEY_ID_….");
    public static readonly Setting PublicKey = new("publicKey", "--public-key", "WECHATPAY_PUBLIC_KEY", "The WeChat Pay public key: PEM text or a file:// path.");
    public static readonly Setting PlatformSerial = new("platformSerial", "--platform-serial", "WECHATPAY_PLATFORM_SERIAL", "A platform certificate's serial.");
    public static readonly Setting PlatformCert = new("platformCert", "--platform-cert", "WECHATPAY_PLATFORM_CERT", "That platform certificate: PEM text or a file:// path.");
    public static readonly Setting PlatformCerts = new("platformCerts", "--platform-certs", "WECHATPAY_PLATFORM_CERTS", "A folder of platform certificates named <serial>.pem, as `certificates download` writes.");
    public static readonly Setting ApiV3Key = new("apiV3Key", "--apiv3-key", "WECHATPAY_APIV3_KEY", "The APIv3 key (notifications, certificate downloads): the key or a file:// path.", Secret: true);
    public static readonly Setting ApiV2Secret = new("secret", "--secret", "WECHATPAY_SECRET", "The APIv2 key: the key or a file:// path.", Secret: true);
    public static readonly Setting MerchantP12 = new("merchantP12", "--merchant-p12", "WECHATPAY_MERCHANT_P12", "apiclient_cert.p12 for APIv2 mutual TLS (--security): a path or file:// path.");
    public static readonly Setting MerchantP12Password = new("merchantP12Password", "--merchant-p12-password", "WECHATPAY_MERCHANT_P12_PASSWORD", "Its password (the merchant id when not given): the password or a file:// path.", Secret: true);
    public static readonly Setting BaseUri = new("baseUri", "--base-uri", "WECHATPAY_BASE_URI", "The host to call, https://api.mch.weixin.qq.com/ by default.");
    public static readonly Setting TrustedRoots = new("trustedRoots", "--trusted-roots", "WECHATPAY_TRUSTED_ROOTS", "CA certificates to trust for the server's TLS instead of the system's (a test server's): PEM text or a file:// path.");

    /// <summary>Every merchant setting, in the order help and <c>--verbose</c> list them.</summary>
    public static readonly IReadOnlyList<Setting> All =
        [Mchid, Serial, PrivateKey, PublicKeyId, PublicKey, PlatformSerial, PlatformCert, PlatformCerts, ApiV3Key, ApiV2Secret, MerchantP12, MerchantP12Password, BaseUri, TrustedRoots];

    /// <summary>How an error names it: every place it can be set.</summary>
    public string Places => $"{Option} (or {Variable}, or profile field \"{Field}\")";
}
