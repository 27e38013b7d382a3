using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>
/// Every catalogued operation, called through the chain against one fake platform: the request built from the
/// catalogue (its examples, or a value of the field's type where an example is missing or breaks the field's own
/// rules), signed by the library, judged by the platform, answered with the operation's success status, and verified.
/// </summary>
public class CatalogueWalkTests
{
    /// <summary>
    /// Operations the library cannot call as catalogued: why, and what the failure says. The walk still calls each and
    /// expects that failure, so one the library learns to call has to leave this list.
    /// </summary>
    private static readonly Dictionary<string, (string Why, string Failure)> Impossible = new(StringComparer.Ordinal)
    {
        ["POST v2/secapi/mch/uploadmedia"] = ("an APIv2 upload is multipart/form-data, and the library sends APIv2 fields as XML only", "the media part is required"),
        ["POST v3/mch-manage/submission-files/sub-mchid/{sub_mchid}/upload"] = ("its file part is named submission_file, and item_id and manage_record_id are parts too; MediaUpload sends the parts meta and file", "the submission_file part is required"),
        ["POST v3/mch-operation-manage/enhanced-due-diligence/{due_diligence_id}/upload"] = ("its file part is named due_diligence_file; MediaUpload sends the parts meta and file", "the due_diligence_file part is required"),
        ["GET v2/appauth/getaccesstoken"] = ("it answers JSON, and the library reads every APIv2 answer as XML", "is not APIv2 XML"),
    };

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    private static readonly byte[] Mp4 = [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32];

    private FakePlatform _platform = null!;
    private IChainNode _wx = null!;
    private bool _verified;

    [OneTimeSetUp]
    public async Task Start()
    {
        // Certificate mode, so that /v3/certificates has certificates to list.
        _platform = await FakePlatform.StartAsync(new FakePlatformOptions { SigningMode = SigningMode.PlatformCertificate });
        var options = _platform.ClientOptions();

        // Outermost, so it sees the answer after the verifier has judged it.
        options.Pipeline = pipeline => pipeline.Add(Interceptor.After("witness", call =>
        {
            _verified = CallContext.Of(call).Verified;
            return Task.CompletedTask;
        }));
        _wx = Builder.Factory(options);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    [Test]
    public async Task Every_catalogued_operation_is_signed_judged_answered_and_verified()
    {
        var overrides = await StatefulValuesAsync();
        var failures = new List<string>();
        var (called, verified, unsigned, refused) = (0, 0, 0, 0);

        // Creations before queries: the profit-sharing returns the walk queries are the ones it created.
        foreach (var operation in Catalogue.Operations.OrderBy(op => op.Method == "GET"))
        {
            var key = $"{operation.Method} {operation.Path}";
            var before = _platform.Requests.Count;
            var (options, wire) = Request(operation, overrides.GetValueOrDefault(key));
            string? problem;
            _verified = false;
            try
            {
                var response = await Send(operation, options);
                problem = Impossible.TryGetValue(key, out var impossible)
                    ? $"listed as impossible ({impossible.Why}), yet it went through: take it off the list"
                    : Judge(operation, response, wire, before);
                verified += problem is null && _verified ? 1 : 0;
                unsigned += problem is null && !_verified ? 1 : 0;
            }
            catch (Exception e) when (e is WeChatPayException or ArgumentException)
            {
                var expected = Impossible.TryGetValue(key, out var impossible) && e.Message.Contains(impossible.Failure, StringComparison.Ordinal);
                refused += expected ? 1 : 0;
                problem = expected ? null : $"{e.GetType().Name}: {e.Message} [{string.Join("; ", _platform.Requests.Skip(before))}]";
            }

            called++;
            if (problem is not null)
            {
                failures.Add($"{key}: {problem}");
            }
        }

        await TestContext.Out.WriteLineAsync(
            $"{called} of the catalogue's {Catalogue.Operations.Count} operations called: {verified} answered and verified, {unsigned} answered with a file or an APIv2 answer the platform does not sign, {refused} impossible as catalogued.");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(40)));
        Assert.That((called, refused), Is.EqualTo((Catalogue.Operations.Count, Impossible.Count)));
    }

    private Task<WeChatPayResponse> Send(ApiOperation operation, Dictionary<string, object?> options)
    {
        var node = _wx.Chain(operation.Path);
        return operation.Method switch
        {
            "GET" => node.GetAsync(options),
            "POST" => node.PostAsync(options),
            "PUT" => node.PutAsync(options),
            "PATCH" => node.PatchAsync(options),
            "DELETE" => node.DeleteAsync(options),
            _ => throw new InvalidOperationException($"{operation}: no verb for {operation.Method}"),
        };
    }

    /// <summary>What went wrong with an answer, or <see langword="null"/>.</summary>
    private string? Judge(ApiOperation operation, WeChatPayResponse response, string wire, int before)
    {
        var received = _platform.Requests.Skip(before).ToList();
        if (received is not [var request])
        {
            return $"the platform received {received.Count} requests";
        }

        var served = Misrouted(operation, wire);
        if (served is not null)
        {
            return served;
        }

        if (!request.Accepted || request.Status != operation.SuccessStatus || response.StatusCode != operation.SuccessStatus)
        {
            return $"{request} (expected {operation.SuccessStatus})";
        }

        // Files (bills, PDFs, images) and the APIv2 answers that carry no sign are not signed by the platform.
        var unsigned = operation.IsV2 ? V2Rules.Unsigned.Contains(response.RequestUri.AbsolutePath) : Downloads.IsFile(response.RequestUri.AbsolutePath) && !Downloads.IsStatement(response.RequestUri.AbsolutePath);
        if (unsigned)
        {
            return response.Bytes.Length > 0 ? null : "no bytes received";
        }

        return _verified ? null : "the answer was not verified";
    }

    /// <summary>
    /// Whether the platform looks the wire path up as this operation: a cross-border one may be served as the default
    /// host's of the same path, and two paths that differ only in their placeholders' names cannot be told apart.
    /// </summary>
    private string? Misrouted(ApiOperation operation, string wire)
    {
        static string Shape(string path) => Regex.Replace(path, "{[^}]+}", "{}");
        var found = Catalogue.Find(operation.Method, wire, _platform.BaseUri);
        return found is not null && Shape(found.Path) == Shape(operation.Path) ? null : $"the platform takes {wire} for {found?.ToString() ?? "nothing"}";
    }

    /// <summary>The options of one call: placeholders, query, headers, and the JSON, XML or upload body; and the path as sent.</summary>
    private (Dictionary<string, object?> Options, string Wire) Request(ApiOperation operation, Dictionary<string, object?>? overrides)
    {
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = new JObject();
        var xml = new Dictionary<string, string>(StringComparer.Ordinal);
        var wire = operation.Path;
        Assert.That(overrides?.Keys.Except(operation.Parameters.Select(p => p.Name)), Is.Null.Or.Empty, $"{operation}: a stateful value for a field it does not have");
        foreach (var segment in operation.Path.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment[1..^1];
            var field = operation.Parameters.FirstOrDefault(p => p.Location == ApiFieldLocation.Path && p.Name == name);
            var value = field is null ? "X1234567890" : Text(Sample(field));
            options[name] = value;
            wire = wire.Replace(segment, Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        foreach (var field in operation.Parameters.Where(p => p.IsRequired || overrides?.ContainsKey(p.Name) == true))
        {
            var value = field.Name switch
            {
                _ when overrides?.TryGetValue(field.Name, out var given) == true => given is null ? null : JToken.FromObject(given),
                "Wechatpay-Serial" => _platform.Credentials.PlatformSerial,
                "mch_id" or "mchid" or "combine_mch_id" when operation.IsV2 => _platform.Credentials.Mchid,
                "sign" or "nonce_str" when operation.IsV2 => null, // the library adds them
                _ => Sample(field),
            };
            switch (field.Location)
            {
                case ApiFieldLocation.Query when value is not null:
                    query[field.Name] = Text(value);
                    break;
                case ApiFieldLocation.Header when value is not null:
                    headers[field.Name] = Text(value);
                    break;
                case ApiFieldLocation.Body or ApiFieldLocation.FormData when operation.IsV2 && value is not null && field.Type != "file":
                    xml[field.Name] = Text(value);
                    break;
                case ApiFieldLocation.Body when value is not null:
                    json[field.Name] = value;
                    break;
            }
        }

        if (operation.RequestContentType == "multipart/form-data" && !operation.IsV2)
        {
            options["body"] = operation.Path.Contains("video", StringComparison.Ordinal) ? new MediaUpload("walk.mp4", Mp4) : new MediaUpload("walk.png", Png);
        }
        else if (!operation.IsV2 && operation.Parameters.Any(p => p.Location == ApiFieldLocation.Body))
        {
            options["json"] = json;
        }
        else if (operation.IsV2 && operation.Method != "GET")
        {
            options["xml"] = xml;
        }

        if (query.Count > 0)
        {
            options["query"] = query;
        }

        if (headers.Count > 0)
        {
            options["headers"] = headers;
        }

        // No security option: the library presents the merchant certificate wherever the catalogue demands it, and the
        // platform refuses the call without it.
        return (options, wire);
    }

    /// <summary>
    /// The values the platform's stateful APIs need to find what they keep (the walk creates the profit-sharing return
    /// R20190516001 against the seeded order, then queries it; a bill file's token comes from its bill).
    /// </summary>
    private async Task<Dictionary<string, Dictionary<string, object?>>> StatefulValuesAsync()
    {
        var bill = await _wx.Chain("v3/bill/tradebill").GetAsync(new { query = new { bill_date = "2019-06-11" } });
        var token = new Uri((string)bill.Data!.download_url).Query.Split('=')[1];
        const string order = "3008450740201411110007820472";
        return new(StringComparer.Ordinal)
        {
            ["POST v3/ecommerce/profitsharing/returnorders"] = new() { ["order_id"] = order },
            ["GET v3/ecommerce/profitsharing/returnorders"] = new() { ["sub_mchid"] = "1900000109", ["out_return_no"] = "R20190516001" },
            ["POST v3/profitsharing/return-orders"] = new() { ["order_id"] = order },
            ["GET v3/profitsharing/return-orders/{out_return_no}"] = new() { ["out_order_no"] = "P20150806125346" },
            ["POST v2/secapi/pay/profitsharingreturn"] = new() { ["order_id"] = order, ["return_amount"] = "10" },
            ["POST v2/pay/orderquery"] = new() { ["transaction_id"] = "4208450740201411110007820472" },
            ["POST v3/profitsharing/receivers/add"] = new() { ["type"] = "PERSONAL_OPENID" },
            ["GET v3/billdownload/file"] = new() { ["token"] = token },
        };
    }

    /// <summary>A value for a field: its example if the field's own rules take it, else its first listed value, else its type's plain value.</summary>
    private static JToken Sample(ApiField field)
    {
        switch (field.Type)
        {
            case "object":
                return Object(field.Fields, field.Example);
            case "array":
                var example = field.Example is JArray { Count: > 0 } items ? items[0] : field.Example;
                return new JArray(field.Fields.Count > 0 || field.ItemType == "object" ? Object(field.Fields, example) : Scalar(field.ItemType ?? "string", example, field.Enum, null));
            default:
                // A field holding JSON text (APIv2's detail) takes the JSON of its fields when it has no example.
                return field.IsJsonText && field.Example is null ? new JValue(Object(field.Fields, null).ToString(Formatting.None)) : Scalar(field.Type, field.Example, field.Enum, field.MaxLength);
        }
    }

    private static JObject Object(IReadOnlyList<ApiField> fields, JToken? example)
    {
        if (fields.Count == 0)
        {
            return example as JObject ?? [];
        }

        var result = new JObject();
        foreach (var field in fields.Where(f => f.IsRequired))
        {
            result[field.Name] = Sample(field);
        }

        return result;
    }

    private static JToken Scalar(string type, JToken? example, IReadOnlyList<string> values, int? maxLength)
    {
        foreach (var candidate in new[] { example }.Concat(values.Select(v => (JToken?)new JValue(v))).Append(Plain(type)))
        {
            if (Typed(type, candidate) is { } typed && (values.Count == 0 || values.Contains(Text(typed))) && (maxLength is null || type != "string" || Text(typed).Length <= maxLength))
            {
                return typed;
            }
        }

        return Plain(type);
    }

    private static JValue Plain(string type) => type switch
    {
        "integer" => new JValue(1L),
        "number" => new JValue(1),
        "boolean" => new JValue(true),
        _ => new JValue("1"),
    };

    /// <summary>The value as a JSON value of the type (<c>"888"</c> as the integer 888), or <see langword="null"/>.</summary>
    private static JToken? Typed(string type, JToken? value)
    {
        if (value is not JValue { Value: not null } scalar)
        {
            return null;
        }

        var text = Text(scalar);
        return type switch
        {
            "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? new JValue(whole)
                : scalar.Type == JTokenType.Float && (double)scalar == Math.Floor((double)scalar) ? new JValue((long)(double)scalar) : null,
            "number" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new JValue(number) : null,
            "boolean" => text is "true" or "false" ? new JValue(text == "true") : null,
            _ => new JValue(text),
        };
    }

    private static string Text(JToken value) => value switch
    {
        JValue { Type: JTokenType.Boolean } flag => (bool)flag ? "true" : "false",
        JValue { Type: JTokenType.String } text => (string)text!,
        JValue scalar => Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => value.ToString(Formatting.None),
    };
}
