using System.Security.Cryptography;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain;

/// <summary>
/// The merchant's APIv3 private key, RSA or SM2, and the <c>Authorization</c> scheme it signs under: the key decides
/// the scheme, so a merchant moves to 国密 by giving an SM2 key and nothing else.
/// </summary>
internal sealed class SigningKey
{
    private SigningKey(RSA? rsa, Sm2PrivateKey? sm2)
    {
        Rsa = rsa;
        Sm2 = sm2;
    }

    /// <summary>The RSA key, when the merchant signs with RSA; it also opens sensitive response fields.</summary>
    public RSA? Rsa { get; }

    /// <summary>The SM2 key, when the merchant signs with SM3withSM2.</summary>
    public Sm2PrivateKey? Sm2 { get; }

    /// <summary><c>WECHATPAY2-SHA256-RSA2048</c> or <c>WECHATPAY2-SM2-WITH-SM3</c>.</summary>
    public string Scheme => Sm2 is null ? Formatter.AuthorizationScheme : Formatter.Sm2AuthorizationScheme;

    public static SigningKey Of(RSA key) => new(key, null);

    public static SigningKey Of(Sm2PrivateKey key) => new(null, key);

    /// <summary>The base64 signature over UTF-8 <paramref name="message"/>.</summary>
    public string Sign(string message) => Sm2 is { } sm2 ? Crypto.Sm2.Sign(message, sm2) : Crypto.Rsa.Sign(message, Rsa!);

    /// <summary>Names the kind of key, never its value.</summary>
    public override string ToString() => Sm2 is null ? "RSA private key" : Sm2.ToString();
}
