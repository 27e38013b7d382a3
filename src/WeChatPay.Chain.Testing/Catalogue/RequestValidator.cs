using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// Checks a request against its catalogued operation before the fake answers it, refusing the way the platform does
/// with <c>PARAM_ERROR</c> naming the field (<c>out_trade_no</c>, <c>amount.total</c>, <c>detail[0].name</c>) and
/// what is wrong: a path placeholder that is empty; a required query parameter, header or upload part missing; a JSON
/// body that is not an object; a body field missing, of another type, not one of its values, or too long, at every
/// level. Fields the catalogue does not list pass, as the platform mostly ignores them. Returns the request's values
/// by name (placeholders, query, body) for the answer to echo.
/// </summary>
internal static class RequestValidator
{
    /// <summary>The APIv2 fields the client adds itself, which the judge has checked (a sign may be 64 characters, whatever the catalogue says).</summary>
    private static readonly HashSet<string> Signing = new(StringComparer.Ordinal) { "sign", "nonce_str" };

    /// <summary>Checks an APIv3 request.</summary>
    public static JObject Check(CatalogueMatch match, PlatformRequest request, IReadOnlyDictionary<string, string> query, MediaUploads.Parts? parts, Credentials credentials)
    {
        var echo = new JObject();
        foreach (var (name, value) in match.Placeholders)
        {
            echo[name] = value.Length > 0 ? value : throw PlatformError.Param($"路径参数 {name} 不能为空 (the path placeholder {{{name}}} is empty)", name, "path");
        }

        var parameters = match.Operation.Parameters;
        foreach (var field in parameters)
        {
            switch (field.Location)
            {
                case ApiFieldLocation.Path when match.Placeholders.TryGetValue(field.Name, out var value):
                    Text(field, value, "path");
                    break;
                case ApiFieldLocation.Query:
                    if (Present(query, field, "query") is { } parameter)
                    {
                        echo[field.Name] = parameter;
                    }

                    break;
                case ApiFieldLocation.Header when IsSerial(field):
                    // The catalogue lists Wechatpay-Serial as required on many operations; the platform demands it where
                    // the body carries encrypted fields, which the header names the key of. Wherever it is sent, it must
                    // name a key of the platform.
                    if ((Sealed(parameters) ? Present(request.Headers, field, "header") : Optional(request.Headers, field)) is { } serial && !Names(credentials, serial))
                    {
                        throw PlatformError.Param("Wechatpay-Serial 不是平台的证书序列号或公钥ID (names no key of this platform)", field.Name, "header");
                    }

                    break;
                case ApiFieldLocation.Header:
                    Present(request.Headers, field, "header");
                    break;
                case ApiFieldLocation.FormData:
                    Part(field, parts);
                    break;
            }
        }

        if (parameters.Any(field => field.Location == ApiFieldLocation.Body))
        {
            var body = Body(request.Body);
            foreach (var field in parameters.Where(field => field.Location == ApiFieldLocation.Body))
            {
                Json(field, body[field.Name], field.Name);
            }

            echo.Merge(body);
        }

        return echo;
    }

    /// <summary>Checks an APIv2 request: its fields (the XML body, the query of a GET, an upload's text parts), its query and its file parts.</summary>
    public static JObject CheckV2(CatalogueMatch match, IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, string> query, MediaUploads.Parts? parts)
    {
        var echo = new JObject();
        foreach (var field in match.Operation.Parameters)
        {
            if (field.Type == "file")
            {
                Part(field, parts);
                continue;
            }

            var source = field.Location == ApiFieldLocation.Query ? query : fields;
            // sign_type is the client's too, and is checked against its values only when sent.
            if (field.Location is ApiFieldLocation.Path or ApiFieldLocation.Header || Signing.Contains(field.Name) || (field.Name == "sign_type" && !source.ContainsKey(field.Name)))
            {
                continue;
            }

            if (Present(source, field, field.Location == ApiFieldLocation.Query ? "query" : "body") is { } value)
            {
                echo[field.Name] = value;
            }
        }

        foreach (var (name, value) in fields)
        {
            echo[name] = value;
        }

        return echo;
    }

    private static void Part(ApiField field, MediaUploads.Parts? parts)
    {
        if (field.IsRequired && parts?.Names.Contains(field.Name) != true)
        {
            throw PlatformError.Param($"缺少 multipart/form-data 的 {field.Name} 部分 (the {field.Name} part is required)", field.Name);
        }
    }

    private static bool IsSerial(ApiField field) => field.Name.Equals("Wechatpay-Serial", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the operation takes encrypted (sensitive) fields, at any level.</summary>
    private static bool Sealed(IEnumerable<ApiField> fields) => fields.Any(field => field.IsSensitive || Sealed(field.Fields));

    /// <summary>The value of a text field the platform does not demand, checked when present.</summary>
    private static string? Optional(IReadOnlyDictionary<string, string> source, ApiField field)
    {
        if (source.TryGetValue(field.Name, out var value) && value.Length > 0)
        {
            Text(field, value, "header");
            return value;
        }

        return null;
    }

    /// <summary>The value of a text field (query, header, APIv2 field), checked; <see langword="null"/> when absent and optional.</summary>
    private static string? Present(IReadOnlyDictionary<string, string> source, ApiField field, string location)
    {
        if (source.TryGetValue(field.Name, out var value) && value.Length > 0)
        {
            Text(field, value, location);
            return value;
        }

        return field.IsRequired
            ? throw PlatformError.Param(location == "header" ? $"Http头缺少 {field.Name} (the {field.Name} header is required)" : $"缺少必填参数 {field.Name} (required, missing)", field.Name, location)
            : null;
    }

    /// <summary>A value that arrives as text: of its type once read as text, one of its values, not too long.</summary>
    private static void Text(ApiField field, string value, string location)
    {
        var typed = field.Type switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false",
            _ => true,
        };
        if (!typed)
        {
            throw PlatformError.Param($"{field.Name} 类型错误 (must be {An(field.Type)})", field.Name, location);
        }

        Limits(field, value, field.Name, location);
    }

    private static void Json(ApiField field, JToken? value, string path)
    {
        if (value is null || value.Type == JTokenType.Null)
        {
            if (field.IsRequired && !field.IsNullable)
            {
                throw PlatformError.Param($"缺少必填字段 {path} (required, missing)", path);
            }

            return;
        }

        if (!OfType(field.Type, value))
        {
            throw PlatformError.Param($"{path} 类型错误 (must be {An(field.Type)}, not {An(Name(value.Type))})", path);
        }

        switch (value)
        {
            case JObject item:
                foreach (var inner in field.Fields)
                {
                    Json(inner, item[inner.Name], path + "." + inner.Name);
                }

                break;
            case JArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    Item(field, items[i], $"{path}[{i}]");
                }

                break;
            case JValue scalar:
                Limits(field, Text(scalar), path, "body");
                break;
        }
    }

    /// <summary>An array's item: of the item type, its fields checked when it is an object, one of the array's values when it has them.</summary>
    private static void Item(ApiField array, JToken item, string path)
    {
        var type = array.ItemType ?? (array.Fields.Count > 0 ? "object" : "any");
        if (!OfType(type, item))
        {
            throw PlatformError.Param($"{path} 类型错误 (must be {An(type)}, not {An(Name(item.Type))})", path);
        }

        if (item is JObject inner)
        {
            foreach (var field in array.Fields)
            {
                Json(field, inner[field.Name], path + "." + field.Name);
            }
        }
        else if (item is JValue scalar && array.Enum.Count > 0 && !array.Enum.Contains(Text(scalar)))
        {
            throw PlatformError.Param($"{path} 取值错误 (not one of {Values(array)})", path);
        }
    }

    private static void Limits(ApiField field, string value, string path, string location)
    {
        if (field.Enum.Count > 0 && !field.Enum.Contains(value))
        {
            throw PlatformError.Param($"{path} 取值错误 (not one of {Values(field)})", path, location);
        }

        // A sensitive field arrives encrypted, and the platform measures the text it decrypts to; sign_type is the
        // client's, and HMAC-SHA256 is longer than the catalogue allows it in places.
        if (field.MaxLength is { } max && field.Type == "string" && !field.IsSensitive && field.Name != "sign_type" && value.Length > max)
        {
            throw PlatformError.Param($"{path} 长度超过 {max} (longer than {max} characters)", path, location);
        }
    }

    private static JObject Body(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            // Dates stay text: a field typed string must not read as a date token.
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) is JObject body && !reader.Read()
                ? body
                : throw PlatformError.Param("请求体不是合法的 JSON 对象 (the body is not a JSON object)");
        }
        catch (JsonException)
        {
            throw PlatformError.Param("请求体不是合法的 JSON 对象 (the body is not a JSON object)");
        }
    }

    /// <summary>Whether a JSON value is of a catalogue type; a type the catalogue spells otherwise takes anything.</summary>
    private static bool OfType(string type, JToken value) => type switch
    {
        "string" => value.Type == JTokenType.String,
        "integer" => value.Type == JTokenType.Integer,
        "number" => value.Type is JTokenType.Integer or JTokenType.Float,
        "boolean" => value.Type == JTokenType.Boolean,
        "object" => value.Type == JTokenType.Object,
        "array" => value.Type == JTokenType.Array,
        _ => true,
    };

    private static string Name(JTokenType type) => type switch
    {
        JTokenType.Integer => "integer",
        JTokenType.Float => "number",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string An(string type) => (type is "integer" or "object" or "array" ? "an " : "a ") + type;

    private static string Values(ApiField field) =>
        string.Join(", ", field.Enum.Take(12)) + (field.Enum.Count > 12 ? ", …" : string.Empty);

    private static bool Names(Credentials credentials, string serial) =>
        serial == credentials.PublicKeyId
        || serial.Equals(credentials.Sm2PlatformSerial, StringComparison.OrdinalIgnoreCase)
        || credentials.PlatformCertificates.Any(c => c.SerialNumber.Equals(serial, StringComparison.OrdinalIgnoreCase));

    internal static string Text(JValue value) => value.Type switch
    {
        JTokenType.Boolean => (bool)value! ? "true" : "false",
        JTokenType.String => (string)value!,
        _ => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
