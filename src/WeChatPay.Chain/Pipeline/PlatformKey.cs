using System.Security.Cryptography;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// A platform key that verifies answers and notifications: RSA (SHA256withRSA) or SM2 (SM3withSM2). The serial names
/// the key, and the key decides the algorithm; <c>Wechatpay-Signature-Type</c>, when sent, must agree with it.
/// </summary>
internal readonly record struct PlatformKey(RSA? Rsa, Sm2PublicKey? Sm2)
{
    /// <summary>The scheme signatures by this key are sent under.</summary>
    public string Scheme => Sm2 is null ? Formatter.AuthorizationScheme : Formatter.Sm2AuthorizationScheme;

    /// <summary>Whether <paramref name="signature"/> (base64) verifies over <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, string signature) =>
        Sm2 is { } sm2 ? Crypto.Sm2.Verify(message, signature, sm2) : Crypto.Rsa.Verify(message, signature, Rsa!);
}
