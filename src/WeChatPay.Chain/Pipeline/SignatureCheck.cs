using System.Globalization;
using System.Security.Cryptography;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// The platform-signature check that responses and notifications share: the four <c>Wechatpay-*</c> headers, the
/// timestamp within 300 s, a known serial, no <c>WECHATPAY/SIGNTEST/</c> probe, and a signature over the raw body.
/// Each failure is turned into the caller's own exception by <see cref="IRejections"/>.
/// </summary>
internal sealed class SignatureCheck(IReadOnlyDictionary<string, RSA> keys, TimeProvider time)
{
    /// <summary>How far the timestamp may be from now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    /// <summary>The signature headers, in the order their values are passed around.</summary>
    public static readonly string[] Headers = ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"];

    private const string Probe = "WECHATPAY/SIGNTEST/";

    /// <summary>Makes the exception for each way a check fails.</summary>
    public interface IRejections
    {
        Exception HeadersMissing(IReadOnlyList<string> missing);

        Exception Timestamp(string timestamp, TimeSpan? offBy, TimeSpan window);

        Exception UnknownSerial(string serial, IReadOnlyList<string> known);

        Exception Probe(string serial);

        Exception BadSignature(string serial);
    }

    /// <summary>Whether a key for <paramref name="serial"/> is known now.</summary>
    public bool Knows(string serial) => keys.ContainsKey(serial);

    /// <summary>Returns the serial whose key verified; throws what <paramref name="reject"/> makes otherwise.</summary>
    public string Check(Func<string, string?> header, ReadOnlySpan<byte> body, IRejections reject)
    {
        var values = Array.ConvertAll(Headers, name => header(name));
        if (Array.Exists(values, string.IsNullOrEmpty))
        {
            throw reject.HeadersMissing([.. Headers.Where((_, i) => string.IsNullOrEmpty(values[i]))]);
        }

        var (timestamp, nonce, signature, serial) = (values[0]!, values[1]!, values[2]!, values[3]!);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw reject.Timestamp(timestamp, null, Window);
        }

        var offBy = TimeSpan.FromSeconds(seconds - time.GetUtcNow().ToUnixTimeSeconds());
        if (offBy.Duration() > Window)
        {
            throw reject.Timestamp(timestamp, offBy, Window);
        }

        if (!keys.TryGetValue(serial, out var key))
        {
            throw reject.UnknownSerial(serial, [.. keys.Keys.Order(StringComparer.Ordinal)]);
        }

        if (signature.StartsWith(Probe, StringComparison.Ordinal))
        {
            throw reject.Probe(serial);
        }

        return Rsa.Verify(Formatter.Response(timestamp, nonce, body), signature, key) ? serial : throw reject.BadSignature(serial);
    }
}
