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
