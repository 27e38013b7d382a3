using System.Text;
using System.Xml;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// APIv2 XML: fields to <c>&lt;xml&gt;&lt;k&gt;v&lt;/k&gt;…&lt;/xml&gt;</c> and back. Reading refuses any DTD, so
/// external entities (XXE) and entity expansion (billion laughs) never get a chance.
/// </summary>
public static class Transformer
{
    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = 16 * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// <c>&lt;xml&gt;…&lt;/xml&gt;</c> with one element per field, in the given order; a value holding <c>&lt;</c>,
    /// <c>&gt;</c>, <c>&amp;</c>, <c>"</c> or <c>'</c> goes in CDATA.
    /// </summary>
    /// <param name="fields">The fields; names must be XML names of letters, digits and <c>_</c>.</param>
    /// <exception cref="ArgumentException">A name is not such an XML name.</exception>
    public static string ToXml(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var xml = new StringBuilder("<xml>");
        foreach (var (name, value) in fields)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"{Describe.Quoted(name)} is not an APIv2 field name (letters, digits and _).", nameof(fields));
            }

            xml.Append('<').Append(name).Append('>');
            if (value.AsSpan().IndexOfAny("<>&\"'") < 0)
            {
                xml.Append(value);
            }
            else
            {
                // "]]>" cannot stand inside one CDATA section: end it there and start another.
                xml.Append("<![CDATA[").Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("]]>");
            }

            xml.Append("</").Append(name).Append('>');
        }

        return xml.Append("</xml>").ToString();
    }

    /// <summary>The fields of an APIv2 <c>&lt;xml&gt;</c> document: each child element's text (CDATA included).</summary>
    /// <param name="xml">The document.</param>
    /// <exception cref="XmlException">It is not such a document, or it carries a DTD.</exception>
    public static Dictionary<string, string> ToDictionary(string xml) => ToDictionary(xml, "xml");

    /// <summary>The fields of a flat document whose root is <paramref name="root"/> (<c>req_info</c> uses <c>root</c>).</summary>
    /// <param name="xml">The document.</param>
    /// <param name="root">The root element's name.</param>
    /// <exception cref="XmlException">It is not such a document, or it carries a DTD.</exception>
    public static Dictionary<string, string> ToDictionary(string xml, string root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(new StringReader(xml), Safe);
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.Name != root)
        {
            throw new XmlException($"The document's root is <{reader.Name}>, not <{root}>.");
        }

        if (reader.IsEmptyElement)
        {
            return fields;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.Name;
                fields[name] = reader.ReadElementContentAsString();
            }
            else
            {
                reader.Read();
            }
        }

        return fields;
    }
}
