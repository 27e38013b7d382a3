using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spectre.Console;

namespace WeChatPay.Chain.Cli.Configuration;

/// <summary>
/// The merchant settings of one run, each taken from the first place that has it: the command-line option, then the
/// environment variable, then the profile. Turns them into <see cref="BuilderOptions"/>; never prints a secret.
/// </summary>
internal sealed class MerchantSettings
{
    private readonly Dictionary<Setting, (string Value, string Source)> _values;

    private MerchantSettings(Dictionary<Setting, (string, string)> values, string? profile)
    {
        _values = values;
        Profile = profile;
    }

    /// <summary>"name (path)" of the profile read, or <see langword="null"/> when none was.</summary>
    public string? Profile { get; }

    public string? this[Setting setting] => _values.TryGetValue(setting, out var found) ? found.Value : null;

    public static MerchantSettings Resolve(ParseResult parse, GlobalOptions options, Terminal terminal)
    {
        var path = options.ProfileFilePath(parse, terminal);
        var named = parse.GetValue(options.Profile) ?? terminal.Environment("WECHATPAY_PROFILE");
        var explicitFile = parse.GetValue(options.ProfileFile) is not null || terminal.Environment("WECHATPAY_PROFILE_FILE") is not null;
        if (explicitFile && !File.Exists(path))
        {
            throw new CliException($"The profile file {path} (--profile-file or WECHATPAY_PROFILE_FILE) does not exist.");
        }

        IReadOnlyDictionary<string, string>? profile = null;
        string? profileName = null;
        if (named is not null || File.Exists(path))
        {
            var file = ProfileFile.Load(path);
            profileName = named ?? file.Default;
            if (profileName is not null)
            {
                profile = file.Get(profileName) ?? throw new CliException(
                    $"The profile file {path} has no profile \"{profileName}\" (--profile or WECHATPAY_PROFILE); it has: {(file.Names.Any() ? string.Join(", ", file.Names) : "none")}.");
            }
        }

        var values = new Dictionary<Setting, (string, string)>();
        foreach (var setting in Setting.All)
        {
            if (parse.GetValue(options.Settings[setting]) is { Length: > 0 } option)
            {
                values[setting] = (option, setting.Option);
            }
            else if (terminal.Environment(setting.Variable) is { } variable)
            {
                values[setting] = (variable, setting.Variable);
            }
            else if (profile is not null && profile.TryGetValue(setting.Field, out var field) && field.Length > 0)
            {
                values[setting] = (field, $"profile \"{profileName}\"");
            }
        }

        return new(values, profile is null ? null : $"{profileName} ({path})");
    }

    /// <summary>Writes where each setting came from, and the value only when it is not a secret.</summary>
    public void Describe(IAnsiConsole console)
    {
        var table = new Table().AddColumns("setting", "from", "value");
        table.Title = new TableTitle(Profile is null ? "settings (no profile)" : $"settings (profile {Markup.Escape(Profile)})");
        foreach (var setting in Setting.All.Where(_values.ContainsKey))
        {
            var (value, source) = _values[setting];
            table.AddRow(Markup.Escape(setting.Option), Markup.Escape(source), Markup.Escape(Shown(setting, value)));
        }

        console.Write(table);
    }

    /// <summary>The client options these settings describe; each missing or malformed one is named by its option.</summary>
    public BuilderOptions ToBuilderOptions()
    {
        var options = new BuilderOptions
        {
            Mchid = this[Setting.Mchid] ?? throw Missing(Setting.Mchid),
            Serial = this[Setting.Serial],
            PrivateKey = this[Setting.PrivateKey] is { } key ? KeySource.FromString(key) : null,
            ApiV3Key = Secret(Setting.ApiV3Key),
            Secret = Secret(Setting.ApiV2Secret),
            BaseUri = this[Setting.BaseUri] is { } uri ? Uri(uri) : null,
        };
        Pair(options, Setting.PublicKeyId, Setting.PublicKey);
        Pair(options, Setting.PlatformSerial, Setting.PlatformCert);
        if (this[Setting.PlatformCerts] is { } folder)
        {
            AddFolder(options, folder);
        }

        if (this[Setting.MerchantP12] is { } p12)
        {
            options.Merchant = new MerchantCertificate(p12, Secret(Setting.MerchantP12Password));
        }

        if (this[Setting.TrustedRoots] is { } roots)
        {
            options.TrustedRoots = Roots(roots);
        }

        // With the APIv3 key and no platform key, the certificates are downloaded on first use, as the SDKs' downloaders do.
        options.AutoRenewCertificates = options.Certs.Count == 0 && options.ApiV3Key is not null && options.PrivateKey is not null;
        return options;
    }

    /// <summary>A secret setting's value, read from the file a <c>file://</c> value names.</summary>
    public string? Secret(Setting setting)
    {
        if (this[setting] is not { } value)
        {
            return null;
        }

        if (!value.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        try
        {
            return File.ReadAllText(LocalPath(value)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException($"{setting.Places}: cannot read the file it names ({e.GetType().Name}).");
        }
    }

    public static CliException Missing(Setting setting) => new($"{setting.Places} is required here.");

    internal static string LocalPath(string fileReference) =>
        System.Uri.TryCreate(fileReference, UriKind.Absolute, out var uri) && uri.IsFile && string.IsNullOrEmpty(uri.Host)
            ? uri.LocalPath
            : fileReference["file://".Length..];

    private static string Shown(Setting setting, string value) =>
        setting.Secret ? "(set)"
        : value.Contains("PRIVATE KEY", StringComparison.OrdinalIgnoreCase) ? "(not shown: it holds a private key)"
        : value.Contains("-----BEGIN", StringComparison.Ordinal) ? "(PEM text)"
        : value;

    private void Pair(BuilderOptions options, Setting name, Setting key)
    {
        switch (this[name], this[key])
        {
            case ({ } serial, { } source):
                options.Certs[serial] = source;
                break;
            case (null, null):
                break;
            case (null, _):
                throw new CliException($"{key.Places} needs {name.Places} beside it.");
            default:
                throw new CliException($"{name.Places} needs {key.Places} beside it.");
        }
    }

    private void AddFolder(BuilderOptions options, string folder)
    {
        var path = folder.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? LocalPath(folder) : folder;
        if (!Directory.Exists(path))
        {
            throw new CliException($"{Setting.PlatformCerts.Places}: the folder {path} does not exist.");
        }

        foreach (var file in Directory.EnumerateFiles(path, "*.pem").Order(StringComparer.Ordinal))
        {
            options.Certs[System.IO.Path.GetFileNameWithoutExtension(file)] = "file://" + System.IO.Path.GetFullPath(file);
        }
    }

    private static Uri Uri(string text) =>
        System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"{Setting.BaseUri.Places} must be an absolute http(s) URI.");

    private X509Certificate2Collection Roots(string pemOrFile)
    {
        try
        {
            var pem = pemOrFile.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? File.ReadAllText(LocalPath(pemOrFile)) : pemOrFile;
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(pem);
            return roots.Count > 0 ? roots : throw new CryptographicException("no certificate in it");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new CliException($"{Setting.TrustedRoots.Places}: not PEM certificates, or a file:// path to them ({e.GetType().Name}).");
        }
    }
}
