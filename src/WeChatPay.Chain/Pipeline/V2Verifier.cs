using System.Xml;
using Flurl.Http;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Step <c>verifier</c> of APIv2: parses the XML answer with DTDs refused, and checks its <c>sign</c> with the APIv2
/// key (64 hex characters: HMAC-SHA256, else MD5), in constant time, failure answers included. A failure answer with
/// no sign (a refusal never carries one) passes, and the caller raises it marked unverified; a success answer with no
/// sign is refused, except on the paths of <see cref="V2Rules.Unsigned"/>, whose answers carry none.
/// </summary>
internal sealed class V2Verifier(string secret) : IInterceptor
{
    public string Name => "verifier";

    public async Task AfterCallAsync(FlurlCall call)
    {
        var message = call.HttpResponseMessage;
        if (message is null || (int)message.StatusCode is < 200 or >= 300)
        {
            return;
        }

        var context = CallContext.Of(call);
        var body = await ResponseBody.Of(message).AllAsync(context.MaxResponseBytes, context.Token).ConfigureAwait(false);
        var path = call.HttpRequestMessage.RequestUri!.AbsolutePath;
        Dictionary<string, string>? fields;
        try
        {
            fields = V2Answer.Fields(message, body, path);
        }
        catch (XmlException e)
        {
            throw new MalformedResponseException(WeChatPayResponse.Of(call, body), e);
        }

        if (fields is null || V2Rules.Unsigned.Contains(path))
        {
            return;
        }

        var sign = fields.GetValueOrDefault("sign");
        if (sign is null && V2Answer.Failed(fields))
        {
            return;
        }

        var signType = sign?.Length == 64 ? Hash.HmacSha256Type : Hash.Md5Type;
        if (sign is null || !Hash.Equals(Hash.Sign(fields, secret, signType), sign))
        {
            throw new InvalidResponseSignException(WeChatPayResponse.Of(call, body), sign is null ? null : signType);
        }

        context.Verified = true;
    }
}
