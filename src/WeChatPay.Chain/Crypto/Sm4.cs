using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// AEAD_SM4_GCM as WeChat Pay uses it for the resources of 国密 merchants: the shape of <see cref="AesGcm"/> (the
/// APIv3 key, a 12-character nonce, the associated data as given, base64 of the ciphertext followed by the 16-byte
/// tag), with SM4's 128-bit key taken from the APIv3 key by <see cref="KeyFrom"/>.
/// </summary>
public static class Sm4
{
    private const int TagSize = 16;
    private const int KeySize = 16;

    /// <summary>
    /// The SM4 key of an APIv3 key: the first 128 bits of its SM3 digest. SM4 keys are 128 bits and the APIv3 key is
    /// 256, so the platform derives one from the other this way (its 国密 guide; wechatpay-java's <c>AeadSM4Cipher</c>
    /// does the same).
    /// </summary>
    /// <param name="apiV3Key">The APIv3 key: 32 ASCII characters.</param>
    /// <exception cref="CryptographicException">The key is not 32 ASCII characters. The message never quotes it.</exception>
    public static byte[] KeyFrom(string apiV3Key)
    {
        ArgumentNullException.ThrowIfNull(apiV3Key);
        var bytes = Encoding.ASCII.GetBytes(apiV3Key);
        if (bytes.Length != 32 || !apiV3Key.All(char.IsAscii))
        {
            throw new CryptographicException($"The APIv3 key is 32 ASCII characters; this one has {apiV3Key.Length}.");
        }

        return Sm3.HashData(bytes)[..KeySize];
    }

    /// <summary>Encrypts <paramref name="plaintext"/>; returns base64(ciphertext ‖ tag).</summary>
    /// <param name="plaintext">The text.</param>
    /// <param name="key">The APIv3 key: 32 ASCII characters (the SM4 key is derived from it by <see cref="KeyFrom"/>).</param>
    /// <param name="nonce">The nonce: 12 ASCII characters.</param>
    /// <param name="associatedData">The associated data, authenticated but not encrypted.</param>
    public static string Encrypt(string plaintext, string key, string nonce, string associatedData = "")
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return Convert.ToBase64String(Seal(KeyFrom(key), Nonce(nonce), Encoding.UTF8.GetBytes(associatedData), Encoding.UTF8.GetBytes(plaintext)));
    }

    /// <summary>Decrypts base64(ciphertext ‖ tag) and checks the tag.</summary>
    /// <param name="ciphertext">The base64 text, as in <c>resource.ciphertext</c>.</param>
    /// <param name="key">The APIv3 key: 32 ASCII characters (the SM4 key is derived from it by <see cref="KeyFrom"/>).</param>
    /// <param name="nonce">The nonce, as in <c>resource.nonce</c>.</param>
    /// <param name="associatedData">The associated data, as in <c>resource.associated_data</c>.</param>
    /// <exception cref="AuthenticationTagMismatchException">The tag does not match: wrong key, or altered data.</exception>
    /// <exception cref="FormatException">The ciphertext is not base64.</exception>
    public static string Decrypt(string ciphertext, string key, string nonce, string associatedData = "")
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        var input = Convert.FromBase64String(ciphertext);
        return Encoding.UTF8.GetString(Open(KeyFrom(key), Nonce(nonce), Encoding.UTF8.GetBytes(associatedData), input));
    }

    /// <summary>SM4-GCM over raw bytes: ciphertext ‖ 16-byte tag.</summary>
    internal static byte[] Seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext)
    {
        var gcm = Gcm(true, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var written = gcm.ProcessBytes(plaintext, 0, plaintext.Length, output, 0);
        gcm.DoFinal(output, written);
        return output;
    }

    /// <summary>Checks the tag of ciphertext ‖ tag and decrypts it.</summary>
    internal static byte[] Open(byte[] key, byte[] nonce, byte[] associatedData, byte[] input)
    {
        if (input.Length < TagSize)
        {
            throw new CryptographicException("The ciphertext is shorter than its 16-byte tag.");
        }

        var gcm = Gcm(false, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(input.Length)];
        try
        {
            var written = gcm.ProcessBytes(input, 0, input.Length, output, 0);
            gcm.DoFinal(output, written);
            return output;
        }
        catch (InvalidCipherTextException)
        {
            // The same exception AesGcm.Decrypt throws, so a caller handles both ciphers alike.
            throw new AuthenticationTagMismatchException("The SM4-GCM tag does not match: wrong APIv3 key, nonce or associated data, or altered ciphertext.");
        }
    }

    /// <summary>One SM4 block, for checking the engine against GB/T 32907's vector.</summary>
    internal static byte[] EncryptBlock(byte[] key, byte[] block)
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[engine.GetBlockSize()];
        engine.ProcessBlock(block, 0, output, 0);
        return output;
    }

    private static GcmBlockCipher Gcm(bool forEncryption, byte[] key, byte[] nonce, byte[] associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagSize * 8, nonce, associatedData));
        return gcm;
    }

    private static byte[] Nonce(string nonce)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var bytes = Encoding.UTF8.GetBytes(nonce);
        return bytes.Length == 12 ? bytes : throw new CryptographicException($"The nonce is 12 bytes; this one has {bytes.Length}.");
    }
}
