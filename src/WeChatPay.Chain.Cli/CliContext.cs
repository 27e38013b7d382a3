using System.CommandLine;
using System.Security.Cryptography;
using Spectre.Console;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Cli;

/// <summary>What every command shares: the terminal, the global options, building the client, and turning failures into exit codes.</summary>
internal sealed class CliContext(Terminal terminal, GlobalOptions options)
{
    /// <summary>The command ran and what it checked held.</summary>
    public const int Ok = 0;

    /// <summary>The platform refused, an answer or notification did not verify, or a key did not work.</summary>
    public const int Failed = 1;

    /// <summary>A usage or configuration error, before anything was sent.</summary>
    public const int Usage = 2;

    public Terminal Terminal => terminal;

    public GlobalOptions Options => options;

    public IAnsiConsole Out => terminal.Out;

    public IAnsiConsole Error => terminal.Error;

    public MerchantSettings Settings(ParseResult parse)
    {
        var settings = MerchantSettings.Resolve(parse, options, terminal);
        if (parse.GetValue(options.Verbose))
        {
            settings.Describe(terminal.Error);
        }

        return settings;
    }

    /// <summary>The client these settings describe; a setting the library refuses is named by its option.</summary>
    public static IChainNode Instance(BuilderOptions builderOptions)
    {
        try
        {
            return Builder.Factory(builderOptions);
        }
        catch (ArgumentException e) when (Named(e.ParamName) is { } places)
        {
            throw new CliException($"{e.Message.Split(" (Parameter '", 2)[0]} Set with {places}.", e);
        }
    }

    /// <summary>Runs a command's action, turning what it throws into a message on standard error and an exit code.</summary>
    public async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (CliException e)
        {
            Fail(e.Message);
            return Usage;
        }
        catch (WeChatPayException e)
        {
            // The library's messages name fields and serials, never keys or signatures.
            Fail($"{e.GetType().Name}: {e.Message}");
            return Failed;
        }
        catch (ArgumentException e)
        {
            // The library refused an argument before sending; its messages name the field, never a secret value.
            Fail(e.Message.Split(" (Parameter '", 2)[0]);
            return Usage;
        }
        catch (Exception e) when (e is NotificationRejectedException or CryptographicException or InvalidOperationException or HttpRequestException or IOException)
        {
            Fail($"{e.GetType().Name}: {e.Message}");
            return Failed;
        }
    }

    /// <summary>Writes an error, unwrapped: messages are searched and copied more than read on a narrow screen.</summary>
    public void Fail(string message)
    {
        terminal.Error.Markup("[red]error:[/] ");
        terminal.Error.Profile.Out.Writer.WriteLine(message);
    }

    /// <summary>Where the command line, the environment or a profile sets the <see cref="BuilderOptions"/> property an error names.</summary>
    private static string? Named(string? property) => property switch
    {
        nameof(BuilderOptions.Mchid) => Setting.Mchid.Places,
        nameof(BuilderOptions.Serial) => Setting.Serial.Places,
        nameof(BuilderOptions.PrivateKey) => Setting.PrivateKey.Places,
        nameof(BuilderOptions.Certs) => $"{Setting.PublicKeyId.Option} + {Setting.PublicKey.Option}, {Setting.PlatformSerial.Option} + {Setting.PlatformCert.Option}, or {Setting.PlatformCerts.Option} (or their WECHATPAY_ variables or profile fields)",
        nameof(BuilderOptions.Secret) => Setting.ApiV2Secret.Places,
        nameof(BuilderOptions.ApiV3Key) => Setting.ApiV3Key.Places,
        nameof(BuilderOptions.Merchant) => $"{Setting.MerchantP12.Places} and {Setting.MerchantP12Password.Option}",
        nameof(BuilderOptions.BaseUri) => Setting.BaseUri.Places,
        nameof(BuilderOptions.TrustedRoots) => Setting.TrustedRoots.Places,
        _ => null,
    };
}
