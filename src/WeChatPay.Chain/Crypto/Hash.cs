using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.Chain.Crypto;

/// <summary>The APIv2 <c>sign</c>: MD5 or HMAC-SHA256 over the sorted fields and the APIv2 key, and its constant-time check.</summary>
public static class Hash
{
    /// <summary>The <c>sign_type</c> of MD5 signatures, the platform's default.</summary>
    public const string Md5Type = "MD5";

    /// <summary>The <c>sign_type</c> of HMAC-SHA256 signatures, which the profit-sharing APIs require.</summary>
    public const string HmacSha256Type = "HMAC-SHA256";

    /// <summary>Upper-case hex MD5 of UTF-8 <paramref name="text"/>.</summary>
    /// <param name="text">The text to hash.</param>
    public static string Md5(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Upper-case hex HMAC-SHA256 of UTF-8 <paramref name="text"/> keyed by UTF-8 <paramref name="key"/>.</summary>
    /// <param name="text">The text to authenticate.</param>
    /// <param name="key">The key.</param>
    public static string HmacSha256(string text, string key) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The APIv2 <c>sign</c> of <paramref name="fields"/>: every non-empty field but <c>sign</c>, sorted by ordinal
    /// key, joined as <c>k=v&amp;k=v</c> (no URL encoding) with <c>&amp;key=</c> and the APIv2 key appended, then MD5
    /// or HMAC-SHA256 (keyed by the APIv2 key), upper-case hex.
    /// </summary>
    /// <param name="fields">The fields as sent.</param>
    /// <param name="secret">The APIv2 key.</param>
    /// <param name="signType"><see cref="Md5Type"/> or <see cref="HmacSha256Type"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="signType"/> is neither.</exception>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string secret, string signType)
    {
        var text = Formatter.QueryStringLike(fields.Where(f => f.Key != "sign")) + "&key=" + secret;
        return signType switch
        {
            Md5Type => Md5(text),
            HmacSha256Type => HmacSha256(text, secret),
            _ => throw new ArgumentException($"sign_type must be {Md5Type} or {HmacSha256Type}; got {Describe.Quoted(signType)}.", nameof(signType)),
        };
    }

    /// <summary>Compares two signatures in time that does not depend on where they differ (ASCII, case-sensitive).</summary>
    /// <param name="expected">The signature computed here.</param>
    /// <param name="actual">The signature received.</param>
    public static bool Equals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
