using Flurl.Http;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Step <c>signer</c>: signs each APIv3 attempt afresh (a retry below Flurl through <see cref="ResigningHandler"/>) over the request target and body exactly as they go on the wire
/// (for a media upload, the <c>meta</c> JSON only, as the protocol says), and sets <c>Authorization</c> under the key's scheme (RSA's or SM2's).
/// </summary>
internal sealed class V3Signer(string mchid, string serial, SigningKey privateKey, TimeProvider time) : IInterceptor
{
    public string Name => "signer";

    public async Task BeforeCallAsync(FlurlCall call)
    {
        var message = call.HttpRequestMessage;
        var body = message.Content switch
        {
            null => string.Empty,
            SignedBody signed => signed.Content,
            MediaContent media => media.Meta,
            var other => await other.ReadAsStringAsync().ConfigureAwait(false),
        };

        // Flurl sends Request.Url.ToUri() once the BeforeCall handlers are done: that is the target to sign.
        var target = call.Request.Url.ToUri().PathAndQuery;
        var method = message.Method.Method;
        call.Request.WithHeader("Authorization", Authorization(method, target, body));

        // A retry below Flurl (see ResigningHandler) is signed again over the same target and body.
        CallContext.Of(call).Attempts.Resign = retry =>
        {
            retry.Headers.Remove("Authorization");
            retry.Headers.TryAddWithoutValidation("Authorization", Authorization(method, target, body));
        };
    }

    private string Authorization(string method, string target, string body)
    {
        var timestamp = Formatter.Timestamp(time);
        var nonce = Formatter.Nonce();
        var signature = privateKey.Sign(Formatter.Request(method, target, timestamp, nonce, body));
        return Formatter.Authorization(privateKey.Scheme, mchid, nonce, signature, timestamp, serial);
    }
}
