using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// AES-256-ECB with PKCS#7, base64: the cipher of APIv2 refund notifications' <c>req_info</c>, keyed by the
/// lower-case hex MD5 of the APIv2 key (<see cref="RefundKey"/>). ECB is the platform's choice, not a recommendation.
/// </summary>
public static class AesEcb
{
    /// <summary>The key of <c>req_info</c>: lower-case hex MD5 of the APIv2 key.</summary>
    /// <param name="secret">The APIv2 key.</param>
    public static string RefundKey(string secret) => Hash.Md5(secret).ToLowerInvariant();

    /// <summary>Encrypts <paramref name="plaintext"/>; returns base64.</summary>
    /// <param name="plaintext">The text.</param>
    /// <param name="key">32 ASCII characters.</param>
    public static string Encrypt(string plaintext, string key)
    {
        using var aes = Create(key);
        return Convert.ToBase64String(aes.EncryptEcb(Encoding.UTF8.GetBytes(plaintext), PaddingMode.PKCS7));
    }

    /// <summary>Decrypts base64 <paramref name="ciphertext"/>.</summary>
    /// <param name="ciphertext">The base64 text, as in <c>req_info</c>.</param>
    /// <param name="key">32 ASCII characters.</param>
    /// <exception cref="CryptographicException">The padding is wrong: wrong key, or altered data.</exception>
    public static string Decrypt(string ciphertext, string key)
    {
        using var aes = Create(key);
        return Encoding.UTF8.GetString(aes.DecryptEcb(Convert.FromBase64String(ciphertext), PaddingMode.PKCS7));
    }

    private static Aes Create(string key)
    {
        var bytes = Encoding.ASCII.GetBytes(key);
        if (bytes.Length != 32 || !key.All(char.IsAscii))
        {
            throw new CryptographicException($"The key is 32 ASCII characters; this one has {key.Length}.");
        }

        var aes = Aes.Create();
        aes.Key = bytes;
        return aes;
    }
}
