using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// One operation of the WeChat Pay catalogue: a method on a path template (<c>POST v3/profitsharing/return-orders</c>),
/// what it takes and what it answers. Its fields are read from the embedded catalogue the first time they are asked for.
/// </summary>
public sealed class ApiOperation
{
    private readonly Lazy<(IReadOnlyList<ApiField> Parameters, IReadOnlyList<ApiField> Response, string? Consumes, string? Produces, int Status)> _details;

    internal ApiOperation(string method, string path, Uri? baseUri, bool certificateRequired, Func<string> details)
    {
        Method = method;
        Path = path;
        BaseUri = baseUri;
        CertificateRequired = certificateRequired;
        Segments = CataloguePaths.Segments(path);
        _details = new(() => Parse(details()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The HTTP method, upper case (<c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>).</summary>
    public string Method { get; }

    /// <summary>The path as the chain writes it, placeholders in braces: <c>v3/pay/transactions/out-trade-no/{out_trade_no}</c>, <c>v2/pay/micropay</c>.</summary>
    public string Path { get; }

    /// <summary>The address the operation is served from when it is not the default <c>https://api.mch.weixin.qq.com/</c> (pass it as <c>base_uri</c>); otherwise null.</summary>
    public Uri? BaseUri { get; }

    /// <summary>Whether the platform demands the merchant's client certificate (mutual TLS) for this APIv2 operation.</summary>
    public bool CertificateRequired { get; }

    /// <summary>Whether this is an APIv2 (XML) operation.</summary>
    public bool IsV2 => Path.StartsWith("v2/", StringComparison.Ordinal);

    /// <summary>The request's content type when it is not JSON (<c>application/xml</c>, <c>multipart/form-data</c>); null for JSON or no body.</summary>
    public string? RequestContentType => _details.Value.Consumes;

    /// <summary>The answer's content type when it is not JSON (<c>application/xml</c>, <c>application/pdf</c>, …); null for JSON.</summary>
    public string? ResponseContentType => _details.Value.Produces;

    /// <summary>The status of a successful answer: 200, or 202/204 where the catalogue says so.</summary>
    public int SuccessStatus => _details.Value.Status;

    /// <summary>The request's fields: path placeholders, query parameters, headers, body fields and upload parts.</summary>
    public IReadOnlyList<ApiField> Parameters => _details.Value.Parameters;

    /// <summary>The fields of a successful answer.</summary>
    public IReadOnlyList<ApiField> Response => _details.Value.Response;

    internal string[] Segments { get; }

    /// <summary>The method and path, e.g. <c>POST v3/profitsharing/return-orders</c>.</summary>
    public override string ToString() => BaseUri is null ? $"{Method} {Path}" : $"{Method} {Path} ({BaseUri})";

    private static (IReadOnlyList<ApiField>, IReadOnlyList<ApiField>, string?, string?, int) Parse(string line)
    {
        // Examples stay as written: read as dates, "2018-06-08T10:34:56+08:00" would lose its text and its offset.
        using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
        var json = JObject.Load(reader);
        return (
            Fields(json["parameters"], nested: false),
            Fields(json["response"], nested: true),
            (string?)json["consumes"],
            (string?)json["produces"],
            (int?)json["status"] ?? 200);
    }

    private static IReadOnlyList<ApiField> Fields(JToken? list, bool nested) => list is JArray array
        ? array.Select(token => Field((JObject)token, nested)).ToArray()
        : [];

    private static ApiField Field(JObject json, bool nested) => new(
        (string)json["name"]!,
        nested ? ApiFieldLocation.Body : Location((string?)json["in"]),
        (string?)json["type"] ?? "string",
        (string?)json["format"],
        (bool?)json["required"] ?? false,
        (bool?)json["nullable"] ?? false,
        (bool?)json["sensitive"] ?? false,
        (int?)json["maxLength"],
        json["enum"] is JArray values ? values.Select(v => (string)v!).ToArray() : [],
        json["example"],
        (string?)json["items"],
        (bool?)json["json"] ?? false,
        Fields(json["fields"], nested: true));

    private static ApiFieldLocation Location(string? location) => location switch
    {
        "path" => ApiFieldLocation.Path,
        "query" => ApiFieldLocation.Query,
        "header" => ApiFieldLocation.Header,
        "formData" => ApiFieldLocation.FormData,
        _ => ApiFieldLocation.Body,
    };
}
