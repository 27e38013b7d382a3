using System.Security.Cryptography;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// A platform key: RSA (SHA256withRSA signatures, OAEP sealing) or SM2 (SM3withSM2 signatures, C1C3C2 sealing). The
/// serial names the key, and the key decides the algorithm; <c>Wechatpay-Signature-Type</c>, when sent, must agree.
/// A class, not a struct: dictionaries of keys then share the framework's precompiled code for reference types,
/// where a struct value would have every dictionary method compiled afresh at start-up.
/// </summary>
internal sealed record PlatformKey(RSA? Rsa, Sm2PublicKey? Sm2)
{
    public static PlatformKey Of(RSA key) => new(key, null);

    public static PlatformKey Of(Sm2PublicKey key) => new(null, key);

    /// <summary>The scheme signatures by this key are sent under.</summary>
    public string Scheme => Sm2 is null ? Formatter.AuthorizationScheme : Formatter.Sm2AuthorizationScheme;

    /// <summary>Whether <paramref name="signature"/> (base64) verifies over <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, string signature) =>
        Sm2 is { } sm2 ? Crypto.Sm2.Verify(message, signature, sm2) : Crypto.Rsa.Verify(message, signature, Rsa!);

    /// <summary>Seals a sensitive field to this key: RSA-OAEP (SHA-1) or SM2 C1C3C2 ASN.1, base64.</summary>
    public string Encrypt(string plaintext) =>
        Sm2 is { } sm2 ? Crypto.Sm2.Encrypt(plaintext, sm2) : Crypto.Rsa.Encrypt(plaintext, Rsa!);
}
