using YamlDotNet.RepresentationModel;

namespace WeChatPay.Chain.CatalogueGenerator;

/// <summary>A YAML scalar as written: its text, and whether it was quoted (<c>'10'</c> is text, <c>10</c> a number).</summary>
internal sealed record Scalar(string Text, bool Quoted);

/// <summary>A YAML node and the file it came from, so that a relative <c>$ref</c> inside it resolves.</summary>
internal sealed record Node(object? Value, string File)
{
    public IReadOnlyDictionary<string, object?>? Map => Value as IReadOnlyDictionary<string, object?>;

    public IReadOnlyList<object?>? List => Value as IReadOnlyList<object?>;

    public Node? this[string key] => Map is { } map && map.TryGetValue(key, out var value) && value is not null ? new Node(value, File) : null;

    public string? Text(string key) => Map is { } map && map.TryGetValue(key, out var value) && value is Scalar scalar ? scalar.Text : null;

    public bool Flag(string key) => Text(key) is "true";

    public IEnumerable<Node> Items => List?.Where(item => item is not null).Select(item => new Node(item, File)) ?? [];

    /// <summary>The texts of a list of scalars, or of a single scalar.</summary>
    public IReadOnlyList<string> Texts(string key) => this[key] switch
    {
        { Value: Scalar scalar } => [scalar.Text],
        { List: not null } list => list.Items.Select(item => item.Value).OfType<Scalar>().Select(s => s.Text).ToList(),
        _ => [],
    };
}

/// <summary>Loads YAML files once each and follows <c>$ref</c> between them.</summary>
internal sealed class YamlTree(string root)
{
    private readonly Dictionary<string, object?> _files = new(StringComparer.Ordinal);

    public Node Load(string relative)
    {
        var file = Path.GetFullPath(Path.Combine(root, relative));
        if (!_files.TryGetValue(file, out var value))
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                stream.Load(reader);
            }

            value = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
            _files[file] = value;
        }

        return new Node(value, file);
    }

    /// <summary>Follows <c>$ref</c> (<c>file#/key</c>, <c>file#key</c>, <c>#/key</c>, <c>#/a/b</c>) until the node is not a reference.</summary>
    public Node Resolve(Node node)
    {
        for (var hops = 0; node.Text("$ref") is { } reference; hops++)
        {
            if (hops > 32)
            {
                throw new InvalidDataException($"$ref {reference} in {node.File} does not end.");
            }

            var hash = reference.IndexOf('#');
            var file = hash < 0 ? reference : reference[..hash];
            var pointer = hash < 0 ? string.Empty : reference[(hash + 1)..].TrimStart('/');
            var target = file.Length == 0 ? Load(node.File) : Load(Path.Combine(Path.GetDirectoryName(node.File)!, file));
            node = Walk(target, pointer) ?? throw new InvalidDataException($"$ref {reference} in {node.File} points nowhere.");
        }

        return node;
    }

    private static Node? Walk(Node node, string pointer)
    {
        if (pointer.Length == 0)
        {
            return node;
        }

        // Keys such as "general.response" hold dots; a key with slashes is tried whole before it is walked.
        if (node[pointer] is { } whole)
        {
            return whole;
        }

        foreach (var key in pointer.Split('/'))
        {
            node = node[key.Replace("~1", "/").Replace("~0", "~")]!;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? string.Empty,
            pair => Convert(pair.Value),
            StringComparer.Ordinal) as IReadOnlyDictionary<string, object?>,
        YamlSequenceNode list => list.Children.Select(Convert).ToList(),
        YamlScalarNode { Value: null or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode scalar => new Scalar(scalar.Value ?? string.Empty, scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain),
        _ => null,
    };
}
