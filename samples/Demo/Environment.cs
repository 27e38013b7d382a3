namespace WeChatPay.Chain.Demo;

/// <summary>Real credentials from the environment; none of these is ever printed.</summary>
internal static class RealCredentials
{
    public const string Variables = "WECHATPAY_MCHID, WECHATPAY_SERIAL, WECHATPAY_PRIVATE_KEY, WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY (or WECHATPAY_PLATFORM_SERIAL + WECHATPAY_PLATFORM_CERT), and for APIv2 WECHATPAY_SECRET + WECHATPAY_MERCHANT_P12";

    /// <summary>Options for the real platform when <c>WECHATPAY_MCHID</c> is set; keys are PEM text or <c>file://</c> paths.</summary>
    public static BuilderOptions? FromEnvironment()
    {
        var mchid = Get("WECHATPAY_MCHID");
        if (mchid is null)
        {
            return null;
        }

        var options = new BuilderOptions
        {
            Mchid = mchid,
            Serial = Get("WECHATPAY_SERIAL"),
            PrivateKey = Get("WECHATPAY_PRIVATE_KEY") is { } key ? (KeySource)key : null,
            BaseUri = Get("WECHATPAY_BASE_URI") is { } uri ? new Uri(uri) : null,
        };
        if (Get("WECHATPAY_PUBLIC_KEY_ID") is { } id && Get("WECHATPAY_PUBLIC_KEY") is { } publicKey)
        {
            options.Certs[id] = publicKey;
        }

        if (Get("WECHATPAY_PLATFORM_SERIAL") is { } serial && Get("WECHATPAY_PLATFORM_CERT") is { } certificate)
        {
            options.Certs[serial] = certificate;
        }

        options.Secret = Get("WECHATPAY_SECRET");
        if (Get("WECHATPAY_MERCHANT_P12") is { } p12)
        {
            options.Merchant = new MerchantCertificate(p12, Get("WECHATPAY_MERCHANT_P12_PASSWORD"));
        }

        return options;
    }

    private static string? Get(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
