using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace WeChatPay.Chain.Crypto;

/// <summary>SM3 (GB/T 32905), the 256-bit hash of the 国密 suite: under SM2 signatures and the SM4 key of notifications.</summary>
public static class Sm3
{
    /// <summary>The digest size in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>SM3 of <paramref name="data"/>: 32 bytes.</summary>
    /// <param name="data">The bytes to hash.</param>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[HashSize];
        digest.DoFinal(hash);
        return hash;
    }

    /// <summary>Lower-case hex SM3 of UTF-8 <paramref name="text"/>, as the standard prints its vectors.</summary>
    /// <param name="text">The text to hash.</param>
    public static string Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexString(HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
