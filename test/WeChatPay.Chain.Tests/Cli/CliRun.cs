using Spectre.Console;
using WeChatPay.Chain.Cli.Configuration;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Cli;

/// <summary>What one run of the command tree printed, and its exit code.</summary>
internal sealed record CliResult(int Code, string Out, string Error)
{
    public string All => Out + Error;
}

/// <summary>
/// Runs the <c>wechatpay</c> command tree in-process with captured output, a given environment and standard input,
/// and a home folder of its own (so no profile of the machine is read).
/// </summary>
internal sealed class CliRun : IDisposable
{
    public CliRun() => Home = Directory.CreateTempSubdirectory("wechatpay-cli-home-").FullName;

    public string Home { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public string DefaultProfileFile => Path.Combine(Home, ".wechatpay", "profile.json");

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, string.Empty, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, string input, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = new Terminal
        {
            Out = Console(output),
            Error = Console(error),
            In = new StringReader(input),
            Environment = name => Environment.TryGetValue(name, out var value) ? value : null,
            Home = Home,
        };
        var code = await WeChatPay.Chain.Cli.Cli.RunAsync(args, terminal, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The fake platform's merchant as profile fields (files in <paramref name="folder"/>), as <c>serve</c> writes them.</summary>
    public static Task<Dictionary<string, string>> MerchantOf(FakePlatform platform, string folder) =>
        WeChatPay.Chain.Cli.Commands.ServeCommand.WriteKeysAsync(platform, folder);

    /// <summary>The fields as command-line options.</summary>
    public static string[] Options(IReadOnlyDictionary<string, string> fields) =>
        Setting.All.Where(s => fields.ContainsKey(s.Field)).SelectMany(s => new[] { s.Option, fields[s.Field] }).ToArray();

    /// <summary>The fields as environment variables.</summary>
    public void SetEnvironment(IReadOnlyDictionary<string, string> fields)
    {
        foreach (var setting in Setting.All.Where(s => fields.ContainsKey(s.Field)))
        {
            Environment[setting.Variable] = fields[setting.Field];
        }
    }

    /// <summary>Writes the fields as profile <paramref name="name"/> of the default profile file.</summary>
    public void WriteProfile(string name, IReadOnlyDictionary<string, string> fields, string? file = null)
    {
        var profiles = ProfileFile.Load(file ?? DefaultProfileFile);
        profiles.Set(name, fields);
        profiles.Save();
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        return console;
    }
}
