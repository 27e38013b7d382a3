using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// AEAD_AES_256_GCM as WeChat Pay uses it for notifications and platform certificates: the 32-character APIv3 key,
/// a 12-character nonce, the associated data as given, and base64 of the ciphertext followed by the 16-byte tag.
/// </summary>
public static class AesGcm
{
    private const int TagSize = 16;

    /// <summary>Encrypts <paramref name="plaintext"/>; returns base64(ciphertext ‖ tag).</summary>
    /// <param name="plaintext">The text.</param>
    /// <param name="key">The APIv3 key: 32 ASCII characters.</param>
    /// <param name="nonce">The nonce: 12 ASCII characters.</param>
    /// <param name="associatedData">The associated data, authenticated but not encrypted.</param>
    public static string Encrypt(string plaintext, string key, string nonce, string associatedData = "")
    {
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[input.Length + TagSize];
        using var aes = Create(key);
        aes.Encrypt(Nonce(nonce), input, output.AsSpan(0, input.Length), output.AsSpan(input.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts base64(ciphertext ‖ tag) and checks the tag.</summary>
    /// <param name="ciphertext">The base64 text, as in <c>resource.ciphertext</c>.</param>
    /// <param name="key">The APIv3 key: 32 ASCII characters.</param>
    /// <param name="nonce">The nonce, as in <c>resource.nonce</c>.</param>
    /// <param name="associatedData">The associated data, as in <c>resource.associated_data</c>.</param>
    /// <exception cref="AuthenticationTagMismatchException">The tag does not match: wrong key, or altered data.</exception>
    /// <exception cref="FormatException">The ciphertext is not base64.</exception>
    public static string Decrypt(string ciphertext, string key, string nonce, string associatedData = "")
    {
        var input = Convert.FromBase64String(ciphertext);
        if (input.Length < TagSize)
        {
            throw new CryptographicException("The ciphertext is shorter than its 16-byte tag.");
        }

        var output = new byte[input.Length - TagSize];
        using var aes = Create(key);
        aes.Decrypt(Nonce(nonce), input.AsSpan(0, output.Length), input.AsSpan(output.Length), output, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(output);
    }

    private static System.Security.Cryptography.AesGcm Create(string key)
    {
        var bytes = Encoding.ASCII.GetBytes(key);
        return bytes.Length == 32 && key.All(char.IsAscii)
            ? new System.Security.Cryptography.AesGcm(bytes, TagSize)
            : throw new CryptographicException($"The APIv3 key is 32 ASCII characters; this one has {key.Length}.");
    }

    private static byte[] Nonce(string nonce)
    {
        var bytes = Encoding.UTF8.GetBytes(nonce);
        return bytes.Length == 12 ? bytes : throw new CryptographicException($"The nonce is 12 bytes; this one has {bytes.Length}.");
    }
}
