namespace WeChatPay.Chain;

/// <summary>
/// One call's options object, read once and checked before anything is sent: every name is a known option or fills a
/// placeholder of the path, every placeholder has a value, headers pass <see cref="HeaderRules"/>, text has a UTF-8
/// form, and <c>base_uri</c> is a plain http(s) base address (where it may point is <see cref="HostPolicy"/>'s call).
/// </summary>
internal sealed class RequestOptions
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "json", "query", "headers", "body", "base_uri", "xml", "security",
    };

    private RequestOptions()
    {
    }

    public object? Json { get; private set; }

    public bool HasJson { get; private set; }

    public object? Body { get; private set; }

    public object? Xml { get; private set; }

    /// <summary>Option <c>security</c>: <see langword="null"/> when not given (or given as null), so an operation that requires the certificate can apply it.</summary>
    public bool? Security { get; private set; }

    public Uri? BaseUri { get; private set; }

    public List<KeyValuePair<string, string>> Query { get; } = [];

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public Dictionary<string, string> Placeholders { get; } = new(StringComparer.Ordinal);

    public static RequestOptions Read(object? options, PathTemplate path)
    {
        var result = new RequestOptions();
        foreach (var (name, value) in Fields.Of(options, string.Empty))
        {
            if (Known.Contains(name))
            {
                result.Set(name, value);
            }
            else if (path.Placeholders.Contains(name))
            {
                if (value is not null)
                {
                    var text = Fields.Text(value, name);
                    Characters.RequireUtf8(text, $"Option \"{name}\" (placeholder {{{name}}})", name);
                    if (text.Length > 0)
                    {
                        result.Placeholders[name] = text;
                    }
                }
            }
            else
            {
                throw new ArgumentException(Unknown(name, path), Describe.CanQuote(name) ? name : "options");
            }
        }

        foreach (var placeholder in path.Placeholders)
        {
            if (!result.Placeholders.ContainsKey(placeholder))
            {
                throw new ArgumentException(
                    $"The path {path.Text} needs a value for {{{placeholder}}}: pass it as option \"{placeholder}\" (a non-empty string or number).",
                    placeholder);
            }
        }

        if (result.HasJson && result.Body is not null)
        {
            throw new ArgumentException("Options \"json\" and \"body\" both set a request body: pass one of them.", "body");
        }

        return result;
    }

    private static string Unknown(string name, PathTemplate path)
    {
        var placeholders = path.Placeholders.Count == 0
            ? "the path has no placeholders"
            : "the path's placeholders are " + string.Join(", ", path.Placeholders.Select(p => "{" + p + "}"));
        return $"Unknown option {Describe.Quoted(name)} for {path.Text}: {Hint(name, path)}the options are {string.Join(", ", Known)}, and {placeholders}.";
    }

    /// <summary>
    /// Why a field name may have landed among the options: an option in another case (<c>Json</c>), axios's names, or
    /// a body field passed the Node SDK's way, where the first argument is the body itself. Only for a name that reads
    /// like a field: a name that may be a secret is not discussed.
    /// </summary>
    private static string Hint(string name, PathTemplate path)
    {
        var body = path.IsV2 ? "xml" : "json";
        if (!Describe.CanQuote(name) || name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return string.Empty;
        }

        if (Known.Contains(name.ToLowerInvariant()))
        {
            return $"option names are lower case, \"{name.ToLowerInvariant()}\"; ";
        }

        return name switch
        {
            "data" => $"axios's data is option {body} here; ",
            "params" => "axios's params are option query here; ",
            _ => $"it is not an option; the body goes in {body} = new {{ … }} (the Node SDK's first argument is the body; here it is option {body}), query fields in query = new {{ … }}; ",
        };
    }

    private void Set(string name, object? value)
    {
        switch (name)
        {
            case "json":
                HasJson = value is not null;
                Json = value;
                break;
            case "body":
                if (value is string raw)
                {
                    Characters.RequireUtf8(raw, "Option \"body\"", name);
                }

                Body = value;
                break;
            case "xml":
                Xml = value;
                break;
            case "security":
                Security = value switch
                {
                    null => null,
                    bool b => b,
                    _ => throw new ArgumentException("Option \"security\" must be true or false.", name),
                };
                break;
            case "base_uri":
                BaseUri = value switch
                {
                    null => null,
                    Uri uri => HostPolicy.Checked(uri, name, "Option \"base_uri\""),
                    string s when Uri.TryCreate(s, UriKind.Absolute, out var uri) => HostPolicy.Checked(uri, name, "Option \"base_uri\""),
                    _ => throw new ArgumentException("Option \"base_uri\" must be an absolute http(s) URI.", name),
                };
                break;
            case "query":
                foreach (var (key, field) in Fields.Of(value, "query"))
                {
                    Characters.RequireUtf8(key, $"A name in option \"query\" (\"{Characters.Printable(key)}\")", Characters.Entry("query", key));
                    if (field is not null)
                    {
                        var text = Fields.Text(field, Characters.Entry("query", key));
                        Characters.RequireUtf8(text, $"Option \"{Characters.Entry("query", key)}\"", Characters.Entry("query", key));
                        Query.Add(new(key, text));
                    }
                }

                break;
            case "headers":
                foreach (var (key, field) in Fields.Of(value, "headers"))
                {
                    HeaderRules.CheckName(key);
                    if (field is not null)
                    {
                        var text = Fields.Text(field, Characters.Entry("headers", key));
                        HeaderRules.CheckValue(key, text);
                        Headers.Add(new(key, text));
                    }
                }

                break;
        }
    }
}
