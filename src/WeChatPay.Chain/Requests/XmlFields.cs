using System.Net.Http.Headers;
using Flurl.Http.Content;

namespace WeChatPay.Chain;

/// <summary>An APIv2 body: the fields, and the XML they are sent as. The <c>signer</c> step replaces it with the signed one.</summary>
internal sealed class XmlFields : CapturedStringContent
{
    public XmlFields(IReadOnlyList<KeyValuePair<string, string>> fields)
        : base(Crypto.Transformer.ToXml(fields))
    {
        Fields = fields;
        Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
    }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }
}
