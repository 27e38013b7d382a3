using System.CommandLine;
using WeChatPay.Chain.Cli.Commands;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Cli;

/// <summary>The <c>wechatpay</c> command tree.</summary>
internal static class Cli
{
    public static RootCommand Build(Terminal terminal)
    {
        var context = new CliContext(terminal, new GlobalOptions());
        var root = new RootCommand("wechatpay: call WeChat Pay APIs with signed requests and verified answers (WeChatPay.Chain).");
        foreach (var option in context.Options.All)
        {
            root.Add(option);
        }

        root.Add(CallCommand.Build(context));
        root.Add(CertificatesCommand.Build(context));
        root.Add(NotificationCommand.Build(context));
        root.Add(EndpointsCommand.Build(context));
        root.Add(ServeCommand.Build(context));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; help and parse errors go to the terminal's own streams.</summary>
    public static Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken cancellationToken = default)
    {
        // No response files: "@file" is an option's value here (--json @body.json), as in curl.
        var parse = Build(terminal).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        return parse.InvokeAsync(new InvocationConfiguration
        {
            Output = new ConsoleWriter(terminal.Out),
            Error = new ConsoleWriter(terminal.Error),
            // serve handles SIGTERM and Ctrl+C itself, to stop the platform and tidy up; other commands end at once.
            ProcessTerminationTimeout = null,
        }, cancellationToken);
    }

    /// <summary>Help and parse errors written through Spectre's console, so tests capture them with everything else.</summary>
    private sealed class ConsoleWriter(Spectre.Console.IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => console.Profile.Out.Writer.Write(value);

        public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

        public override void Flush() => console.Profile.Out.Writer.Flush();
    }
}
