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

    /// <summary>
    /// The fields of option <c>xml</c>: scalars as their text, anything else as JSON (as the PHP SDK sends
    /// <c>detail</c>-like fields). Each value is checked here, before anything is signed or sent, for what XML 1.0
    /// cannot carry as it is: a CR (every XML parser reads it as LF, so the platform would check the sign over other
    /// text), control characters but TAB and LF, U+FFFE and U+FFFF, and lone surrogates (a document holding them does
    /// not parse).
    /// </summary>
    public static XmlFields Of(object? xml)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in WeChatPay.Chain.Fields.Of(xml, "xml"))
        {
            if (value is null)
            {
                continue;
            }

            var what = Characters.Entry("xml", name);
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Option \"{Characters.Printable(what)}\": an APIv2 field name is letters, digits and _, starting with a letter or _.", "xml");
            }

            var text = value is string or bool or IFormattable or Enum ? WeChatPay.Chain.Fields.Text(value, what) : Json.Serialize(value, option: what);
            var bad = IndexOfUnsendable(text);
            if (bad >= 0)
            {
                var why = text[bad] == '\r'
                    ? "XML parsers read a CR as LF, so the platform would check the sign over other text than was signed"
                    : "XML 1.0 cannot carry it, and the platform could not parse the body";
                throw new ArgumentException($"Option \"{what}\" has {Characters.Describe(text[bad])} at index {bad}: {why}.", what);
            }

            fields.Add(new(name, text));
        }

        return new XmlFields(fields);
    }

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

    /// <summary>The index of the first character XML 1.0 cannot carry as it is (CR included), or -1.</summary>
    private static int IndexOfUnsendable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if ((c < ' ' && c is not '\t' and not '\n') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return -1;
    }

    private static MediaTypeHeaderValue XmlType() => new("text/xml") { CharSet = "utf-8" };
}
