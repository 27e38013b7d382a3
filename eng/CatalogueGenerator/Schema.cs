using System.Globalization;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.CatalogueGenerator;

/// <summary>
/// A schema with its references followed and its <c>allOf</c>/<c>oneOf</c> parts merged: <c>allOf</c> unites properties
/// and required lists; <c>oneOf</c> unites properties and keeps required only what every alternative requires.
/// </summary>
internal sealed class Schema
{
    private const int MaxDepth = 24;

    public string? Type { get; private set; }

    public string? Format { get; private set; }

    public bool Nullable { get; private set; }

    public int? MaxLength { get; private set; }

    public List<string> Enum { get; } = [];

    public object? Example { get; private set; }

    public Dictionary<string, Node> Properties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Sensitive { get; } = new(StringComparer.Ordinal);

    public Node? Items { get; private set; }

    public Node? JsonText { get; private set; }

    private int Depth { get; init; }

    public static Schema Of(YamlTree tree, Node node, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"A schema in {node.File} nests deeper than {MaxDepth} levels.");
        }

        var schema = new Schema { Depth = depth };
        schema.Merge(tree, tree.Resolve(node));
        return schema;
    }

    public IReadOnlyList<Field> Fields(YamlTree tree, string? location) =>
        Properties.Select(pair => Of(tree, pair.Value, Depth + 1).ToField(tree, pair.Key, location, Required.Contains(pair.Key), Sensitive.Contains(pair.Key))).ToList();

    public Field ToField(YamlTree tree, string name, string? location, bool required, bool sensitive)
    {
        var type = Type ?? (Properties.Count > 0 ? "object" : Items is not null ? "array" : "string");
        var children = Fields(tree, location: null);
        string? items = null;
        if (type == "array" && Items is { } itemNode)
        {
            var item = Of(tree, itemNode, Depth + 1);
            items = item.Type ?? (item.Properties.Count > 0 ? "object" : "string");
            children = item.Fields(tree, location: null);
        }

        var jsonText = JsonText is { } text ? Of(tree, text, Depth + 1) : null;
        if (jsonText is not null && children.Count == 0)
        {
            children = jsonText.Properties.Count > 0
                ? jsonText.Fields(tree, location: null)
                : jsonText.Items is { } jsonItems ? Of(tree, jsonItems, Depth + 2).Fields(tree, location: null) : [];
        }

        return new Field(name, location, type, Format, required, Nullable, sensitive, MaxLength, Enum, ExampleToken(type), items, jsonText is not null, children);
    }

    private void Merge(YamlTree tree, Node node)
    {
        foreach (var part in node["allOf"]?.Items ?? [])
        {
            Merge(tree, tree.Resolve(part));
        }

        if (node["oneOf"] is { } oneOf)
        {
            HashSet<string>? always = null;
            foreach (var part in oneOf.Items)
            {
                var alternative = Of(tree, part, Depth + 1);
                Type ??= alternative.Type;
                foreach (var (key, value) in alternative.Properties)
                {
                    Properties.TryAdd(key, value);
                }

                Sensitive.UnionWith(alternative.Sensitive);
                always = always is null ? [.. alternative.Required] : [.. always.Intersect(alternative.Required)];
            }

            Required.UnionWith(always ?? []);
        }

        Type = node.Text("type") ?? Type;
        Format = node.Text("format") ?? Format;
        Nullable |= node.Flag("nullable");
        if (node.Text("maxLength") is { } max && int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            MaxLength = length;
        }

        if (node["enum"] is { } values)
        {
            var resolved = tree.Resolve(values);
            Enum.Clear();
            Enum.AddRange(resolved.Items.Select(item => item.Value).OfType<Scalar>().Select(scalar => scalar.Text));
            if (resolved.Map is not null)
            {
                Enum.AddRange(resolved.Texts("enum"));
            }
        }

        if (node.Map is { } map && map.TryGetValue("example", out var example) && example is not null)
        {
            Example = example;
        }

        foreach (var (key, value) in node["properties"]?.Map ?? new Dictionary<string, object?>())
        {
            Properties[key] = new Node(value, node.File);
        }

        Required.UnionWith(node.Texts("required"));
        Sensitive.UnionWith(node.Texts("x-is-sensitive"));
        Items = node["items"] ?? Items;
        JsonText = node["x-json"] ?? JsonText;
    }

    /// <summary>The example as JSON: a plain YAML scalar of a numeric or boolean field is that number or boolean.</summary>
    private JToken? ExampleToken(string type) => Example switch
    {
        null => null,
        Scalar { Quoted: false } s when type == "integer" && long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
        Scalar { Quoted: false } s when type == "number" && decimal.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        Scalar { Quoted: false, Text: "true" or "false" } s when type == "boolean" => s.Text == "true",
        Scalar s => s.Text,
        var complex => ToToken(complex),
    };

    private static JToken ToToken(object? value) => value switch
    {
        null => JValue.CreateNull(),
        Scalar { Quoted: false } s when long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
        Scalar { Quoted: false, Text: "true" or "false" } s => s.Text == "true",
        Scalar s => s.Text,
        IReadOnlyDictionary<string, object?> map => new JObject(map.Select(pair => new JProperty(pair.Key, ToToken(pair.Value)))),
        IReadOnlyList<object?> list => new JArray(list.Select(ToToken)),
        _ => JValue.CreateNull(),
    };
}
