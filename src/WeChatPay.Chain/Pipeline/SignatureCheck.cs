using System.Globalization;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// The platform-signature check that responses and notifications share: the four <c>Wechatpay-*</c> headers, each
/// once, the timestamp within 300 s, a known serial, no <c>WECHATPAY/SIGNTEST/</c> probe, and a signature over the raw
/// body. Everything but the signature is judged from the headers alone (<see cref="Inspect"/>, <see cref="KeyFor"/>),
/// before the body is read. Each failure is turned into the caller's own exception by <see cref="IRejections"/>.
/// RSA and SM2 platform keys sit side by side: the serial names the key, the key decides the algorithm, and a
/// <c>Wechatpay-Signature-Type</c> header that names another scheme than the key's fails the signature.
/// </summary>
internal sealed class SignatureCheck(IReadOnlyDictionary<string, PlatformKey> keys, TimeProvider time)
{
    /// <summary>How far the timestamp may be from now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    /// <summary>The signature headers, in the order their values are passed around.</summary>
    public static readonly string[] Headers = ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"];

    /// <summary>The scheme the platform signed under; optional, as the platform sent none before 国密.</summary>
    public const string TypeHeader = "Wechatpay-Signature-Type";

    private const string Probe = "WECHATPAY/SIGNTEST/";

    /// <summary>Makes the exception for each way a check fails.</summary>
    public interface IRejections
    {
        Exception HeadersMissing(IReadOnlyList<string> missing);

        Exception Duplicated(string header);

        Exception Timestamp(string timestamp, TimeSpan? offBy, TimeSpan window);

        Exception UnknownSerial(string serial, IReadOnlyList<string> known);

        Exception Probe(string serial);

        Exception BadSignature(string serial);
    }

    /// <summary>The clock the timestamp window is judged by.</summary>
    public TimeProvider Time => time;

    /// <summary>Whether a key for <paramref name="serial"/> is known now.</summary>
    public bool Knows(string serial) => keys.ContainsKey(serial);

    /// <summary>Returns the serial whose key verified; throws what <paramref name="reject"/> makes otherwise.</summary>
    /// <param name="header">A header's value; several occurrences joined by commas, as HTTP folds them.</param>
    /// <param name="body">The body exactly as received.</param>
    /// <param name="reject">Makes the exceptions.</param>
    public string Check(Func<string, string?> header, ReadOnlySpan<byte> body, IRejections reject)
    {
        var signed = Inspect(header, reject);
        Verify(signed, KeyFor(signed, reject), body, reject);
        return signed.Serial;
    }

    /// <summary>The four headers, each present once, the timestamp within the window.</summary>
    /// <param name="header">A header's value; several occurrences joined by commas, as HTTP folds them.</param>
    /// <param name="reject">Makes the exceptions.</param>
    public Signed Inspect(Func<string, string?> header, IRejections reject)
    {
        var values = Array.ConvertAll(Headers, name => header(name));
        if (Array.Exists(values, string.IsNullOrEmpty))
        {
            throw reject.HeadersMissing([.. Headers.Where((_, i) => string.IsNullOrEmpty(values[i]))]);
        }

        // None of the four values can hold a comma (digits, [0-9A-Za-z], base64, a serial): one is a second value.
        var twice = Array.FindIndex(values, v => v!.Contains(',', StringComparison.Ordinal));
        if (twice >= 0)
        {
            throw reject.Duplicated(Headers[twice]);
        }

        var (timestamp, nonce, signature, serial) = (values[0]!, values[1]!, values[2]!, values[3]!);
        var scheme = header(TypeHeader);
        if (scheme is not null && scheme.Contains(',', StringComparison.Ordinal))
        {
            throw reject.Duplicated(TypeHeader);
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw reject.Timestamp(timestamp, null, Window);
        }

        var offBy = TimeSpan.FromSeconds(seconds - time.GetUtcNow().ToUnixTimeSeconds());
        if (offBy.Duration() > Window)
        {
            throw reject.Timestamp(timestamp, offBy, Window);
        }

        return new Signed(timestamp, nonce, signature, serial, scheme);
    }

    /// <summary>The key for the serial the headers name, refusing an unknown serial and the platform's probe.</summary>
    public PlatformKey KeyFor(Signed signed, IRejections reject)
    {
        if (!keys.TryGetValue(signed.Serial, out var key))
        {
            throw reject.UnknownSerial(signed.Serial, [.. keys.Keys.Order(StringComparer.Ordinal)]);
        }

        return signed.Signature.StartsWith(Probe, StringComparison.Ordinal) ? throw reject.Probe(signed.Serial) : key;
    }

    /// <summary>The signature over <c>TIMESTAMP\nNONCE\nBODY\n</c>, under the scheme of the key.</summary>
    public static void Verify(Signed signed, PlatformKey key, ReadOnlySpan<byte> body, IRejections reject)
    {
        var schemeAgrees = signed.Scheme is null || signed.Scheme.Equals(key.Scheme, StringComparison.Ordinal);
        if (!schemeAgrees || !key.Verify(Formatter.Response(signed.Timestamp, signed.Nonce, body), signed.Signature))
        {
            throw reject.BadSignature(signed.Serial);
        }
    }

    /// <summary>The values of the four signature headers, and of <c>Wechatpay-Signature-Type</c> when sent.</summary>
    public readonly record struct Signed(string Timestamp, string Nonce, string Signature, string Serial, string? Scheme);
}
