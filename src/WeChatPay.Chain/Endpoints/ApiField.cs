using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// One field of a catalogued operation: a parameter, a body property or a response property. Objects, and arrays of
/// objects, list their own <see cref="Fields"/>.
/// </summary>
public sealed class ApiField
{
    internal ApiField(
        string name,
        ApiFieldLocation location,
        string type,
        string? format,
        bool isRequired,
        bool isNullable,
        bool isSensitive,
        int? maxLength,
        IReadOnlyList<string> values,
        JToken? example,
        string? itemType,
        bool isJsonText,
        IReadOnlyList<ApiField> fields)
    {
        Name = name;
        Location = location;
        Type = type;
        Format = format;
        IsRequired = isRequired;
        IsNullable = isNullable;
        IsSensitive = isSensitive;
        MaxLength = maxLength;
        Enum = values;
        Example = example;
        ItemType = itemType;
        IsJsonText = isJsonText;
        Fields = fields;
    }

    /// <summary>The field's name as sent (<c>out_return_no</c>, <c>Wechatpay-Serial</c>).</summary>
    public string Name { get; }

    /// <summary>Where the field goes; <see cref="ApiFieldLocation.Body"/> for nested and response fields.</summary>
    public ApiFieldLocation Location { get; }

    /// <summary>The schema type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>object</c>, <c>array</c> or <c>file</c>.</summary>
    public string Type { get; }

    /// <summary>The schema format, when given (<c>rfc3339</c>, <c>int64</c>, <c>uri</c>, …).</summary>
    public string? Format { get; }

    /// <summary>Whether the field must be present.</summary>
    public bool IsRequired { get; }

    /// <summary>Whether the catalogue marks the field as possibly null.</summary>
    public bool IsNullable { get; }

    /// <summary>Whether the field is sensitive: sent encrypted with the platform key (<c>Sensitive.Of</c>), or decrypted on arrival.</summary>
    public bool IsSensitive { get; }

    /// <summary>The longest text the field may hold, when the catalogue says.</summary>
    public int? MaxLength { get; }

    /// <summary>The values the field may take; empty when any value of its type will do.</summary>
    public IReadOnlyList<string> Enum { get; }

    /// <summary>The catalogue's example value, when it has one.</summary>
    public JToken? Example { get; }

    /// <summary>For an array, the type of its items (<c>object</c> items list their <see cref="Fields"/>).</summary>
    public string? ItemType { get; }

    /// <summary>Whether the field is text that holds JSON (APIv2 fields such as <c>detail</c>), whose shape <see cref="Fields"/> gives.</summary>
    public bool IsJsonText { get; }

    /// <summary>The fields of an object, of an array's object items, or of the JSON a text field holds.</summary>
    public IReadOnlyList<ApiField> Fields { get; }

    /// <summary>The name, type and whether it is required.</summary>
    public override string ToString() => $"{Name}: {Type}{(IsRequired ? " (required)" : string.Empty)}";
}
