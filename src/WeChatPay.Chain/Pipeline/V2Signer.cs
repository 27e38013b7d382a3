using Flurl.Http;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Step <c>signer</c> of APIv2: fills <c>nonce_str</c>, checks the merchant id field, picks <c>sign_type</c>
/// (HMAC-SHA256 where the platform requires it, MD5 elsewhere, or the caller's), and signs the fields: the XML body
/// of a POST, the query of a GET.
/// </summary>
internal sealed class V2Signer(string mchid, string secret) : IInterceptor
{
    public string Name => "signer";

    public Task BeforeCallAsync(FlurlCall call)
    {
        var path = call.Request.Url.ToUri().AbsolutePath;
        var attempts = CallContext.Of(call).Attempts;
        if (call.HttpRequestMessage.Content is XmlFields body)
        {
            var content = XmlFields.Signed(Sign(body.Fields, path));
            call.Request.Content = content;
            call.HttpRequestMessage.Content = content;

            // A retry below Flurl (see ResigningHandler) goes with a new nonce_str and sign over the same fields.
            var fields = body.Fields.Where(f => f.Key != "nonce_str").ToList();
            attempts.Resign = retry => retry.Content = XmlFields.Signed(Sign(fields, path));
        }
        else if (call.HttpRequestMessage.Method == HttpMethod.Get)
        {
            var query = call.Request.Url.QueryParams.Select(p => new KeyValuePair<string, string>(p.Name, p.Value?.ToString() ?? string.Empty)).ToList();
            call.Request.Url.QueryParams.Clear();
            foreach (var (name, value) in Sign(query, path))
            {
                call.Request.Url.AppendQueryParam(name, value);
            }
        }

        return Task.CompletedTask;
    }

    private List<KeyValuePair<string, string>> Sign(IEnumerable<KeyValuePair<string, string>> given, string path)
    {
        var fields = given.Where(f => f.Key != "sign").ToList();
        foreach (var (name, value) in fields.Where(f => V2Rules.MerchantFields.Contains(f.Key)))
        {
            if (value != mchid)
            {
                throw new ArgumentException($"Field {name} is {Describe.Quoted(value)}, but this instance signs for merchant {mchid}: a v2 call is signed with that merchant's APIv2 key.", name);
            }
        }

        if (!fields.Exists(f => f.Key == "nonce_str"))
        {
            fields.Add(new("nonce_str", Formatter.Nonce()));
        }

        var required = V2Rules.HmacRequired.Contains(path);
        var signType = fields.Find(f => f.Key == "sign_type").Value;
        if (signType is null)
        {
            signType = required ? Hash.HmacSha256Type : Hash.Md5Type;
            if (required)
            {
                fields.Add(new("sign_type", signType));
            }
        }
        else if (required && signType != Hash.HmacSha256Type)
        {
            throw new ArgumentException($"sign_type {Describe.Quoted(signType)} on {path}: the platform requires {Hash.HmacSha256Type} there; leave sign_type out to get it.", "sign_type");
        }

        fields.Add(new("sign", Hash.Sign(fields, secret, signType)));
        return fields;
    }
}
