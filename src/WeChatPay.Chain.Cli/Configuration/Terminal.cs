using Spectre.Console;

namespace WeChatPay.Chain.Cli.Configuration;

/// <summary>
/// What the command tree touches outside itself: the two output streams, standard input, the environment and the
/// home folder. The program passes the process's own; tests pass captured ones.
/// </summary>
internal sealed class Terminal
{
    public required IAnsiConsole Out { get; init; }

    public required IAnsiConsole Error { get; init; }

    public required TextReader In { get; init; }

    /// <summary>Reads an environment variable; <see langword="null"/> when unset or empty.</summary>
    public required Func<string, string?> Environment { get; init; }

    /// <summary>Where <c>~/.wechatpay/profile.json</c> lives.</summary>
    public required string Home { get; init; }

    /// <summary>The process's own console, environment and home folder.</summary>
    public static Terminal System() => new()
    {
        Out = Wide(AnsiConsole.Console, Console.IsOutputRedirected),
        Error = Wide(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), Console.IsErrorRedirected),
        In = Console.In,
        Environment = name => global::System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null,
        Home = global::System.Environment.GetFolderPath(global::System.Environment.SpecialFolder.UserProfile),
    };

    /// <summary>Tables written to a file or a pipe are not cut to 80 columns: endpoint paths stay on one line.</summary>
    private static IAnsiConsole Wide(IAnsiConsole console, bool redirected)
    {
        if (redirected)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
