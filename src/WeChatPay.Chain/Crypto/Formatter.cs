using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.Chain.Crypto;

/// <summary>The strings the WeChat Pay protocol signs and sends, built exactly as the platform expects them.</summary>
public static class Formatter
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The APIv3 <c>Authorization</c> scheme for RSA keys.</summary>
    public const string AuthorizationScheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>The APIv3 <c>Authorization</c> scheme of a merchant that signs with SM2 (国密): SM3withSM2 over the same message.</summary>
    public const string Sm2AuthorizationScheme = "WECHATPAY2-SM2-WITH-SM3";

    /// <summary>A random nonce of <c>[0-9A-Za-z]</c> from a cryptographic source.</summary>
    /// <param name="length">How many characters; the protocol uses 32.</param>
    public static string Nonce(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Unix seconds, as text, of <paramref name="time"/>'s now (the system clock when none is given).</summary>
    /// <param name="time">The clock to read.</param>
    public static string Timestamp(TimeProvider? time = null) =>
        (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The APIv3 request message: <c>METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n</c>.</summary>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="pathAndQuery">The request target exactly as sent: leading <c>/</c>, encoded query included.</param>
    /// <param name="timestamp">Unix seconds.</param>
    /// <param name="nonce">The request nonce.</param>
    /// <param name="body">The body exactly as sent; empty when there is none.</param>
    public static string Request(string method, string pathAndQuery, string timestamp, string nonce, string body) =>
        string.Concat(method, "\n", pathAndQuery, "\n", timestamp, "\n", nonce, "\n", body, "\n");

    /// <summary>The APIv3 response (and notification) message: <c>TIMESTAMP\nNONCE\nBODY\n</c>.</summary>
    /// <param name="timestamp">The <c>Wechatpay-Timestamp</c> header.</param>
    /// <param name="nonce">The <c>Wechatpay-Nonce</c> header.</param>
    /// <param name="body">The response body.</param>
    public static string Response(string timestamp, string nonce, string body) =>
        string.Concat(timestamp, "\n", nonce, "\n", body, "\n");

    /// <summary>The response message over the body's raw bytes, which need not be valid UTF-8.</summary>
    /// <param name="timestamp">The <c>Wechatpay-Timestamp</c> header.</param>
    /// <param name="nonce">The <c>Wechatpay-Nonce</c> header.</param>
    /// <param name="body">The response body bytes as received.</param>
    public static byte[] Response(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var length = Encoding.UTF8.GetByteCount(timestamp) + Encoding.UTF8.GetByteCount(nonce) + body.Length + 3;
        var message = new byte[length];
        var at = Encoding.UTF8.GetBytes(timestamp, message);
        message[at++] = (byte)'\n';
        at += Encoding.UTF8.GetBytes(nonce, message.AsSpan(at));
        message[at++] = (byte)'\n';
        body.CopyTo(message.AsSpan(at));
        message[^1] = (byte)'\n';
        return message;
    }

    /// <summary>The APIv3 <c>Authorization</c> header value.</summary>
    /// <param name="mchid">The merchant id.</param>
    /// <param name="nonce">The nonce that was signed.</param>
    /// <param name="signature">The base64 signature.</param>
    /// <param name="timestamp">The timestamp that was signed.</param>
    /// <param name="serial">The merchant API certificate serial, upper-case hex.</param>
    public static string Authorization(string mchid, string nonce, string signature, string timestamp, string serial) =>
        Authorization(AuthorizationScheme, mchid, nonce, signature, timestamp, serial);

    /// <summary>The <c>Authorization</c> header value under <paramref name="scheme"/>, RSA's or SM2's; the parameters are the same.</summary>
    internal static string Authorization(string scheme, string mchid, string nonce, string signature, string timestamp, string serial) =>
        $"{scheme} mchid=\"{mchid}\",serial_no=\"{serial}\",timestamp=\"{timestamp}\",nonce_str=\"{nonce}\",signature=\"{signature}\"";

    /// <summary>
    /// <c>k=v&amp;k=v</c> of the non-empty <paramref name="fields"/>, sorted by ordinal key, values as they are (no URL
    /// encoding): the text the APIv2 <c>sign</c> and JSAPI-style signatures are computed over.
    /// </summary>
    /// <param name="fields">The fields.</param>
    public static string QueryStringLike(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Where(f => !string.IsNullOrEmpty(f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));

    /// <summary>The fields sorted by ordinal key, as PHP's <c>ksort</c> leaves an array.</summary>
    /// <param name="fields">The fields.</param>
    public static SortedDictionary<string, string> Ksort(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    /// <summary>
    /// Each piece followed by <c>\n</c>: the message of the JSAPI / mini-program <c>paySign</c>
    /// (<c>appId</c>, <c>timeStamp</c>, <c>nonceStr</c>, <c>package</c>), signed with <see cref="Rsa.Sign"/>.
    /// </summary>
    /// <param name="pieces">The pieces in order.</param>
    public static string JoinedByLineFeed(params string[] pieces) => pieces.Length == 0 ? string.Empty : string.Join("\n", pieces) + "\n";
}
