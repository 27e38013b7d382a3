using System.Globalization;
using System.IO.Compression;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// A successful answer shaped by an operation's response fields, from the catalogue's examples: every field with an
/// example, and every required one (a type's plain value when it has none), objects nested, arrays with one item,
/// each value of its field's type. A field named like one of the request's fields echoes the request's value, at the
/// same depth, so answers agree with what was asked (<c>out_trade_no</c>, <c>transaction_id</c>, <c>amount.total</c>).
/// </summary>
internal static class ExampleAnswer
{
    /// <summary>The JSON answer.</summary>
    /// <param name="fields">The response fields.</param>
    /// <param name="echo">The request's values by name.</param>
    public static JObject Json(IReadOnlyList<ApiField> fields, JObject? echo)
    {
        var answer = new JObject();
        foreach (var field in fields)
        {
            if (Value(field, echo?[field.Name]) is { } value)
            {
                answer[field.Name] = value;
            }
        }

        return answer;
    }

    /// <summary>
    /// The APIv2 answer's fields as text: objects and arrays as JSON text, as APIv2 carries them, and a numbered
    /// field (<c>coupon_fee_$n</c>) as its first, <c>coupon_fee_0</c>.
    /// </summary>
    public static Dictionary<string, string> Xml(IReadOnlyList<ApiField> fields, JObject? echo)
    {
        var answer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Json(fields, echo))
        {
            answer[name.Replace("$n", "0", StringComparison.Ordinal).Replace("$m", "0", StringComparison.Ordinal)] =
                value is JValue scalar ? RequestValidator.Text(scalar) : value!.ToString(Formatting.None);
        }

        return answer;
    }

    /// <summary>A small file of the type: a PDF, a gzip archive of a bill, or the bill as text.</summary>
    public static byte[] File(string contentType)
    {
        var bill = Encoding.UTF8.GetBytes("交易时间,商户号,微信订单号,商户订单号,订单金额\n`2025-01-01 08:00:00,`1900000109,`4208450740201411110007820472,`20150806125346,`1.00\n");
        switch (contentType)
        {
            case "application/pdf":
                return Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
            case "application/x-gzip" or "application/gzip":
                using (var buffer = new MemoryStream())
                {
                    using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
                    {
                        gzip.Write(bill);
                    }

                    return buffer.ToArray();
                }

            default:
                return bill;
        }
    }

    private static JToken? Value(ApiField field, JToken? echoed)
    {
        switch (field.Type)
        {
            case "object":
                var item = field.Fields.Count > 0 ? Json(field.Fields, echoed as JObject) : field.Example as JObject ?? [];
                return item.Count > 0 || field.IsRequired ? item : null;
            case "array":
                var first = Item(field, (echoed as JArray)?.FirstOrDefault());
                return first is not null ? new JArray(first) : field.IsRequired ? new JArray() : null;
            default:
                return Typed(field.Type, echoed as JValue) ?? Typed(field.Type, field.Example) ?? (field.IsRequired ? Plain(field.Type, field.Enum) : null);
        }
    }

    private static JToken? Item(ApiField array, JToken? echoed)
    {
        if (array.Fields.Count > 0)
        {
            var item = Json(array.Fields, echoed as JObject);
            return item.Count > 0 || array.IsRequired ? item : null;
        }

        var type = array.ItemType ?? "string";
        var example = array.Example is JArray examples ? examples.FirstOrDefault() : array.Example;
        return Typed(type, echoed as JValue) ?? Typed(type, example) ?? (array.IsRequired ? Plain(type, array.Enum) : null);
    }

    /// <summary>The value as <paramref name="type"/> (<c>"100"</c> as the integer 100), or <see langword="null"/> when it cannot be.</summary>
    private static JToken? Typed(string type, JToken? value)
    {
        if (value is null || value.Type == JTokenType.Null)
        {
            return null;
        }

        var text = value is JValue scalar ? RequestValidator.Text(scalar) : value.ToString(Formatting.None);
        return type switch
        {
            "string" => value.Type == JTokenType.String ? value.DeepClone() : new JValue(text),
            "integer" when value.Type == JTokenType.Integer => value.DeepClone(),
            "integer" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var whole) && whole == decimal.Truncate(whole) && whole is >= long.MinValue and <= long.MaxValue
                ? new JValue((long)whole)
                : null,
            "number" when value.Type is JTokenType.Integer or JTokenType.Float => value.DeepClone(),
            "number" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new JValue(number) : null,
            "boolean" when value.Type == JTokenType.Boolean => value.DeepClone(),
            "boolean" => text is "true" or "false" ? new JValue(text == "true") : null,
            "object" or "array" => null,
            _ => value.DeepClone(),
        };
    }

    /// <summary>A required field's value when the catalogue gives no example: its first listed value, or its type's plain one.</summary>
    private static JToken Plain(string type, IReadOnlyList<string> values) =>
        values.Count > 0 && Typed(type, new JValue(values[0])) is { } listed
            ? listed
            : type switch
            {
                "integer" => new JValue(1L),
                "number" => new JValue(1m),
                "boolean" => new JValue(true),
                _ => new JValue("1"),
            };
}
