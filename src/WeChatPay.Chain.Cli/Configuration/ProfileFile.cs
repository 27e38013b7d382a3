using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Cli.Configuration;

/// <summary>
/// The profile file, <c>~/.wechatpay/profile.json</c> by default: named profiles of merchant settings, and which one
/// is used when none is named.
/// <code>{ "default": "prod", "profiles": { "prod": { "mchid": "1900000109", "privateKey": "file:///…/apiclient_key.pem", … } } }</code>
/// </summary>
internal sealed class ProfileFile
{
    public const string DefaultName = "default";

    private readonly JObject _root;

    private ProfileFile(string path, JObject root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    /// <summary>The profile used when none is named: the file's <c>default</c>, else one named <c>default</c>.</summary>
    public string? Default => _root.Value<string>("default") ?? (Profiles.ContainsKey(DefaultName) ? DefaultName : null);

    public IEnumerable<string> Names => Profiles.Properties().Select(p => p.Name);

    private JObject Profiles => _root["profiles"] as JObject ?? (JObject)(_root["profiles"] = new JObject());

    /// <summary>The file at <paramref name="path"/>, or an empty one when it does not exist yet.</summary>
    public static ProfileFile Load(string path)
    {
        if (!File.Exists(path))
        {
            return new(path, new JObject());
        }

        try
        {
            return new(path, JObject.Parse(File.ReadAllText(path)));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // The parser's message may quote the file's text, which holds keys: name the file and the place only.
            var where = e is JsonReaderException reader ? $" (line {reader.LineNumber}, position {reader.LinePosition})" : string.Empty;
            throw new CliException($"The profile file {path} cannot be read as JSON{where}: fix it or pass --profile-file.");
        }
    }

    /// <summary>The fields of profile <paramref name="name"/>, or <see langword="null"/> when the file has no such profile.</summary>
    public IReadOnlyDictionary<string, string>? Get(string name)
    {
        if (Profiles[name] is not JObject profile)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in profile.Properties())
        {
            fields[property.Name] = property.Value.Type == JTokenType.String
                ? property.Value.Value<string>()!
                : throw new CliException($"Profile \"{name}\" in {Path}: field \"{property.Name}\" must be text.");
        }

        return fields;
    }

    /// <summary>Adds or replaces a profile; it becomes the default when the file has none.</summary>
    public void Set(string name, IReadOnlyDictionary<string, string> fields)
    {
        Profiles[name] = new JObject(fields.Select(f => new JProperty(f.Key, f.Value)));
        if (Default is null)
        {
            _root["default"] = name;
        }
    }

    /// <summary>Removes a profile, and the default if it named it.</summary>
    public void Remove(string name)
    {
        Profiles.Remove(name);
        if (_root.Value<string>("default") == name)
        {
            _root.Remove("default");
        }
    }

    /// <summary>
    /// Writes the file, readable by its owner only from its first byte (profiles hold keys or point at them), and whole:
    /// a reader never sees half of it.
    /// </summary>
    public void Save()
    {
        var full = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(false), options))
        {
            writer.Write(_root.ToString(Formatting.Indented));
        }

        File.Move(temporary, full, overwrite: true);
    }
}
