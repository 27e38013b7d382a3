using System;
using System.Collections.Generic;
using System.Linq;

namespace WeChatPay.Chain.Analyzers.Catalogue;

/// <summary>One catalogued operation, as the analyzer needs it: method, path, and the request's fields, read on first use.</summary>
internal sealed class Operation
{
    private readonly Lazy<IReadOnlyList<Field>> _parameters;

    public Operation(string method, string path, Func<string> details)
    {
        Method = method;
        Path = path;
        Segments = Endpoints.Segments(path);
        _parameters = new Lazy<IReadOnlyList<Field>>(() => Field.ListOf(ParametersOf(details())));
    }

    /// <summary>Upper case: GET, POST, PUT, PATCH, DELETE.</summary>
    public string Method { get; }

    public string Path { get; }

    public string[] Segments { get; }

    public bool IsV2 => Path.StartsWith("v2/", StringComparison.Ordinal);

    /// <summary>Path placeholders, query parameters, headers, body fields and upload parts.</summary>
    public IReadOnlyList<Field> Parameters => _parameters.Value;

    public IReadOnlyList<Field> In(string location) => Parameters.Where(p => p.Location == location).ToArray();

    public override string ToString() => Method + " " + Path;

    private static object? ParametersOf(string line) =>
        JsonLine.Parse(line) is Dictionary<string, object?> json && json.TryGetValue("parameters", out var list) ? list : null;
}

/// <summary>A request field: its name, where it goes, whether it is required, and the fields of an object or of an array's objects.</summary>
internal sealed class Field
{
    private Field(string name, string location, bool isRequired, bool isJsonText, IReadOnlyList<Field> fields)
    {
        Name = name;
        Location = location;
        IsRequired = isRequired;
        IsJsonText = isJsonText;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>As the catalogue writes it: path, query, header, formData, body (nested fields are body).</summary>
    public string Location { get; }

    public bool IsRequired { get; }

    /// <summary>APIv2 text that holds JSON (<c>detail</c>): its value is a string, whatever its fields.</summary>
    public bool IsJsonText { get; }

    public IReadOnlyList<Field> Fields { get; }

    public static IReadOnlyList<Field> ListOf(object? list) => list is List<object?> items
        ? items.OfType<Dictionary<string, object?>>().Select(Of).ToArray()
        : Array.Empty<Field>();

    private static Field Of(Dictionary<string, object?> json) => new(
        (string)json["name"]!,
        json.TryGetValue("in", out var location) && location is string where ? where : "body",
        json.TryGetValue("required", out var required) && required is true,
        json.TryGetValue("json", out var text) && text is true,
        ListOf(json.TryGetValue("fields", out var fields) ? fields : null));
}
