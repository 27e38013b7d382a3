using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace WeChatPay.Chain.Pipeline;

/// <summary>An APIv2 answer's fields, parsed once (safely) and shared by the verifier and the response.</summary>
internal static class V2Answer
{
    private static readonly ConditionalWeakTable<HttpResponseMessage, Dictionary<string, string>> Parsed = [];

    /// <summary>
    /// The fields of the answer, or <see langword="null"/> for a file (a bill download's text, say) on a path whose
    /// answers carry no sign.
    /// </summary>
    /// <exception cref="XmlException">The answer is not APIv2 XML, or carries a DTD.</exception>
    public static Dictionary<string, string>? Fields(HttpResponseMessage message, byte[] body, string path)
    {
        if (Parsed.TryGetValue(message, out var fields))
        {
            return fields;
        }

        var text = Encoding.UTF8.GetString(body);
        if (V2Rules.Unsigned.Contains(path) && !text.TrimStart().StartsWith('<'))
        {
            return null;
        }

        fields = Crypto.Transformer.ToDictionary(text);
        Parsed.AddOrUpdate(message, fields);
        return fields;
    }

    /// <summary>Whether the fields say the call failed: <c>return_code</c> not SUCCESS, or a <c>result_code</c> not SUCCESS.</summary>
    public static bool Failed(IReadOnlyDictionary<string, string> fields) =>
        fields.GetValueOrDefault("return_code") != "SUCCESS" || (fields.TryGetValue("result_code", out var result) && result != "SUCCESS");
}
