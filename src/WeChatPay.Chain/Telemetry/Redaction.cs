using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Telemetry;

/// <summary>
/// A body as the opt-in body log shows it, with <c>***</c> in place of: every field the catalogue marks sensitive for
/// the operation (request and answer), and its base64 fields when the operation carries sealed fields (it takes a
/// <c>Wechatpay-Serial</c>); every signature and sealed resource; and any value that looks like a ciphertext (long
/// base64). At most <see cref="Limit"/> characters.
/// </summary>
internal static partial class Redaction
{
    /// <summary>The most characters of one body the log shows.</summary>
    public const int Limit = 4096;

    private const string Hidden = "***";

    /// <summary>Names hidden on every operation, catalogued or not: signatures, sealed data, keys.</summary>
    private static readonly HashSet<string> Always = new(StringComparer.OrdinalIgnoreCase)
    {
        "sign", "paySign", "signature", "ciphertext", "encrypt_certificate", "req_info", "key", "sign_key", "private_key",
    };

    /// <summary>The body of <paramref name="method"/> <paramref name="path"/> with what must not be logged hidden.</summary>
    public static string Of(string? body, string method, string path)
    {
        if (string.IsNullOrEmpty(body))
        {
            return "(empty)";
        }

        var hidden = Sensitive(method, path);
        var text = body.TrimStart().StartsWith('<') ? Xml(body, hidden) : Json(body, hidden);
        return text.Length <= Limit ? text : string.Concat(text.AsSpan(0, Limit), $"… ({text.Length - Limit} more characters)");
    }

    private static HashSet<string> Sensitive(string method, string path)
    {
        var names = new HashSet<string>(Always, StringComparer.OrdinalIgnoreCase);
        if (Catalogue.Find(method, path) is { } operation)
        {
            var sealing = operation.Parameters.Any(p => p.Location == ApiFieldLocation.Header && p.Name.Equals("Wechatpay-Serial", StringComparison.OrdinalIgnoreCase));
            Collect(operation.Parameters, names, sealing);
            Collect(operation.Response, names, sealing);
        }

        return names;
    }

    private static void Collect(IEnumerable<ApiField> fields, HashSet<string> names, bool sealing)
    {
        foreach (var field in fields)
        {
            if (field.IsSensitive || (sealing && field.Format == "base64"))
            {
                names.Add(field.Name);
            }

            Collect(field.Fields, names, sealing);
        }
    }

    /// <summary>Long base64, as RSA-OAEP and SM2 ciphertexts are: hidden wherever it appears.</summary>
    private static bool Sealed(JToken value) =>
        value is JValue { Type: JTokenType.String, Value: string text } && text.Length >= 128 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=');

    private static string Json(string body, HashSet<string> hidden)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 64 };
            token = JToken.ReadFrom(reader);
        }
        catch (JsonException)
        {
            return "(not JSON: not logged)";
        }

        foreach (var property in ((token as JContainer)?.Descendants() ?? []).OfType<JProperty>().Where(p => hidden.Contains(p.Name) || Sealed(p.Value)).ToList())
        {
            property.Value = Hidden;
        }

        return token.ToString(Formatting.None);
    }

    private static string Xml(string body, HashSet<string> hidden) =>
        Element().Replace(body, m => hidden.Contains(m.Groups[1].Value) ? $"<{m.Groups[1].Value}>{Hidden}</{m.Groups[1].Value}>" : m.Value);

    [GeneratedRegex(@"<([A-Za-z_][\w.-]*)>(?:<!\[CDATA\[.*?\]\]>|[^<]*)</\1>", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Element();
}
