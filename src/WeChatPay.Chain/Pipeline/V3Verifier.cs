using System.Globalization;
using System.Security.Cryptography;
using Flurl.Http;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Step <c>verifier</c>: fails closed on a 2xx APIv3 response unless it carries the four <c>Wechatpay-*</c> headers, a
/// timestamp within the window, a known serial, and a signature that verifies over the raw body. Non-2xx answers and
/// file downloads are not signed by the platform and pass through.
/// </summary>
internal sealed class V3Verifier(IReadOnlyDictionary<string, RSA> keys, TimeProvider time) : IInterceptor
{
    /// <summary>How far the response timestamp may be from now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private static readonly string[] SignatureHeaders = ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"];

    private readonly string[] _known = [.. keys.Keys.Order(StringComparer.Ordinal)];

    public string Name => "verifier";

    public async Task AfterCallAsync(FlurlCall call)
    {
        var message = call.HttpResponseMessage;
        if (message is null || (int)message.StatusCode is < 200 or >= 300 || Downloads.IsFile(call.HttpRequestMessage.RequestUri!.AbsolutePath))
        {
            return;
        }

        var body = await ResponseBody.ReadAsync(message).ConfigureAwait(false);
        var values = new string?[SignatureHeaders.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = message.Headers.TryGetValues(SignatureHeaders[i], out var found) ? found.FirstOrDefault() : null;
        }

        if (Array.IndexOf(values, null) >= 0)
        {
            throw new ResponseHeadersMissingException(WeChatPayResponse.Of(call, body), [.. SignatureHeaders.Where((_, i) => string.IsNullOrEmpty(values[i]))]);
        }

        var (timestamp, nonce, signature, serial) = (values[0]!, values[1]!, values[2]!, values[3]!);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new ResponseTimestampException(WeChatPayResponse.Of(call, body), timestamp, null, Window);
        }

        var offBy = TimeSpan.FromSeconds(seconds - time.GetUtcNow().ToUnixTimeSeconds());
        if (offBy.Duration() > Window)
        {
            throw new ResponseTimestampException(WeChatPayResponse.Of(call, body), timestamp, offBy, Window);
        }

        if (!keys.TryGetValue(serial, out var key))
        {
            throw new UnknownSerialException(WeChatPayResponse.Of(call, body), serial, _known);
        }

        if (!Rsa.Verify(Formatter.Response(timestamp, nonce, body), signature, key))
        {
            throw new InvalidResponseSignatureException(WeChatPayResponse.Of(call, body), serial);
        }
    }
}
