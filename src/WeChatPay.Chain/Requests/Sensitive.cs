using System.Security.Cryptography;
using Newtonsoft.Json;

namespace WeChatPay.Chain;

/// <summary>
/// Sensitive fields (敏感信息): names, id numbers, phone numbers. Wrap a <c>json</c> value in <see cref="Of"/> and it
/// is sent encrypted with the platform's key (RSA-OAEP SHA-1, or SM2 C1C3C2 ASN.1 for an SM2 key), and the request's
/// <c>Wechatpay-Serial</c> header names that key. A key of the merchant's own algorithm is preferred, the WeChat Pay
/// public key first; a <c>Wechatpay-Serial</c> given in option <c>headers</c> picks the key instead.
/// <see cref="Decrypt"/> opens fields the platform encrypted to the merchant.
/// </summary>
public static class Sensitive
{
    /// <summary>A value to send encrypted.</summary>
    /// <param name="plaintext">The value.</param>
    /// <exception cref="ArgumentException">It holds a lone surrogate, which has no UTF-8 form (the message never quotes it).</exception>
    public static SensitiveField Of(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        Characters.RequireUtf8(plaintext, "The sensitive value", nameof(plaintext));
        return new(plaintext);
    }

    /// <summary>Decrypts a field the platform encrypted to the merchant key (RSA-OAEP SHA-1, or SM2 C1C3C2 ASN.1 for an SM2 merchant; base64).</summary>
    /// <param name="instance">The instance whose <c>PrivateKey</c> applies.</param>
    /// <param name="ciphertext">The field's value.</param>
    /// <exception cref="CryptographicException">It does not decrypt with the merchant key.</exception>
    public static string Decrypt(IChainNode instance, string ciphertext)
    {
        var identity = (instance as ChainNode ?? throw new ArgumentException("Pass the instance Builder.Factory returned.", nameof(instance))).Client.Identity;
        var key = identity.MerchantKey ?? throw new InvalidOperationException("Sensitive fields are decrypted with the merchant private key: set PrivateKey in BuilderOptions.");
        return key.Sm2 is { } sm2 ? Crypto.Sm2.Decrypt(ciphertext, sm2) : Crypto.Rsa.Decrypt(ciphertext, key.Rsa!);
    }
}

/// <summary>A <c>json</c> value sent encrypted; see <see cref="Sensitive"/>. Its <see cref="ToString"/> never shows it.</summary>
public sealed class SensitiveField
{
    internal SensitiveField(string plaintext) => Plaintext = plaintext;

    internal string Plaintext { get; }

    /// <summary>A placeholder, never the value.</summary>
    public override string ToString() => "(sensitive)";
}

/// <summary>
/// Writes each <see cref="SensitiveField"/> encrypted with one key, chosen only when the first such field is met, and
/// keeps that key's serial, so a body with no sensitive field needs no platform key and gets no header.
/// </summary>
internal sealed class LazySensitiveConverter(Func<(string Serial, Pipeline.PlatformKey Key)> choose) : JsonConverter<SensitiveField>
{
    private Pipeline.PlatformKey? _key;

    /// <summary>The serial of the key used, or <see langword="null"/> when no sensitive field was written.</summary>
    public string? Serial { get; private set; }

    public override void WriteJson(JsonWriter writer, SensitiveField? value, JsonSerializer serializer)
    {
        if (_key is null)
        {
            (Serial, _key) = choose();
        }

        writer.WriteValue(value is null ? null : _key.Encrypt(value.Plaintext));
    }

    public override SensitiveField ReadJson(JsonReader reader, Type objectType, SensitiveField? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("Sensitive fields are only written.");
}
