using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Flurl.Http.Content;

namespace WeChatPay.Chain;

/// <summary>
/// An APIv2 body as fields, before signing: the <c>signer</c> step replaces it with <see cref="Signed"/>, so the XML
/// is written once, with its <c>sign</c>. Sent as it is (with the signer removed), it writes its fields unsigned.
/// </summary>
internal sealed class XmlFields : HttpContent
{
    public XmlFields(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        Fields = fields;
        Headers.ContentType = XmlType();
    }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The XML of signed fields, recorded by Flurl's <c>HttpTest</c> like any string body.</summary>
    public static CapturedStringContent Signed(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new CapturedStringContent(Crypto.Transformer.ToXml(fields));
        content.Headers.ContentType = XmlType();
        return content;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(Crypto.Transformer.ToXml(Fields))).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static MediaTypeHeaderValue XmlType() => new("text/xml") { CharSet = "utf-8" };
}
