using System.Net;
using System.Text;

namespace WeChatPay.Chain.Benchmarks;

/// <summary>A clock stopped at the moment the canned response was signed, so long runs stay inside the window.</summary>
internal sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// Answers every request with the same signed response, as the platform would on loopback, minus the socket;
/// <paramref name="scheme"/> is the <c>Wechatpay-Signature-Type</c> to send, if any.
/// </summary>
internal sealed class CannedAnswer(string body, string timestamp, string nonce, string signature, string serial, string? scheme = null) : HttpMessageHandler
{
    private readonly byte[] _body = Encoding.UTF8.GetBytes(body);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(_body), RequestMessage = request };
        response.Headers.Add("Wechatpay-Timestamp", timestamp);
        response.Headers.Add("Wechatpay-Nonce", nonce);
        response.Headers.Add("Wechatpay-Signature", signature);
        response.Headers.Add("Wechatpay-Serial", serial);
        if (scheme is not null)
        {
            response.Headers.Add("Wechatpay-Signature-Type", scheme);
        }

        response.Headers.Add("Request-ID", "08F78BB5AF0610D302A2F7B3E4F1E6B0");
        return Task.FromResult(response);
    }
}

/// <summary>
/// One RSA exchange prepared for a benchmark: the merchant's and the platform's keys, the request message a call of
/// <paramref name="json"/> signs, the platform-signed answer <paramref name="responseBody"/>, and the floor a call
/// cannot go below (one signature, one verification), all at one frozen moment.
/// </summary>
internal sealed class RsaExchange
{
    private const string Nonce = "e2Iu0VJ3bCxFtMbN4H6sqKpRwAoZ5x1c";

    private readonly string _responseBody;
    private readonly string _timestamp;
    private readonly byte[] _requestMessage;
    private readonly byte[] _responseMessage;
    private readonly byte[] _responseSignature;

    public RsaExchange(object json, string responseBody)
    {
        _responseBody = responseBody;
        _timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _requestMessage = Encoding.UTF8.GetBytes($"POST\n/v3/profitsharing/return-orders\n{_timestamp}\n{Nonce}\n{Newtonsoft.Json.JsonConvert.SerializeObject(json)}\n");
        _responseMessage = Encoding.UTF8.GetBytes($"{_timestamp}\n{Nonce}\n{responseBody}\n");
        _responseSignature = Platform.SignData(_responseMessage, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
    }

    public System.Security.Cryptography.RSA Merchant { get; } = System.Security.Cryptography.RSA.Create(2048);

    public System.Security.Cryptography.RSA Platform { get; } = System.Security.Cryptography.RSA.Create(2048);

    /// <summary>When the answer was signed; give the client a <see cref="FrozenClock"/> at it.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    /// <summary>A handler answering every request with the signed answer, named by <paramref name="serial"/>.</summary>
    public CannedAnswer Answer(string serial) => new(_responseBody, _timestamp, Nonce, Convert.ToBase64String(_responseSignature), serial);

    /// <summary>The floor: sign the request message and verify the answer's signature, nothing else.</summary>
    public bool SignAndVerify()
    {
        var signature = Merchant.SignData(_requestMessage, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        return signature.Length > 0 && Platform.VerifyData(_responseMessage, _responseSignature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
    }
}
