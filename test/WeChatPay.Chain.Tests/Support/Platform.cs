using System.Security.Cryptography;
using System.Text;
using Flurl.Http.Testing;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// Signs responses the way the WeChat Pay platform does, written from PROTOCOL.md without the library's code, so
/// the verifier is checked against an independent signer.
/// </summary>
internal static class Platform
{
    public static Dictionary<string, string> SignatureHeaders(string body, long timestamp, RSA? key = null, string? serial = null, string nonce = "e2Iu0VJ3bCxFtMbN4H6sqKpRwAoZ5x1c")
    {
        var message = $"{timestamp}\n{nonce}\n{body}\n";
        var signature = Convert.ToBase64String((key ?? TestKeys.Platform).SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new Dictionary<string, string>
        {
            ["Wechatpay-Timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = signature,
            ["Wechatpay-Serial"] = serial ?? TestKeys.PlatformSerial,
            ["Request-ID"] = "08F78BB5AF0610D302A2F7B3E4F1E6B0B2B3C0D9E8",
        };
    }

    /// <summary>Queues a 200 response signed with the platform certificate at <paramref name="time"/>.</summary>
    public static HttpTestSetup RespondSigned(this HttpTestSetup http, string body, FixedTime time, int status = 200) =>
        http.RespondWith(body, status, SignatureHeaders(body, time.UnixSeconds), replaceUnderscoreWithHyphen: false);
}
