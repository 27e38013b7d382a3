namespace WeChatPay.Chain.Testing;

/// <summary>Which key the fake platform signs its answers with, as the real one does for a merchant.</summary>
public enum SigningMode
{
    /// <summary>The WeChat Pay public key: <c>Wechatpay-Serial</c> is its <c>PUB_KEY_ID_…</c> id.</summary>
    PublicKey,

    /// <summary>The platform certificate: <c>Wechatpay-Serial</c> is the certificate's hex serial.</summary>
    PlatformCertificate,
}
