using System.CommandLine;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using Spectre.Console;
using WeChatPay.Chain.Cli.Configuration;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Cli.Commands;

/// <summary>
/// <c>wechatpay serve</c>: the fake WeChat Pay platform of WeChatPay.Chain.Testing on 127.0.0.1, with its fake merchant
/// written as a profile (keys in a temporary folder), so that <c>wechatpay call …</c> in another shell calls it. It
/// runs until Ctrl+C or SIGTERM, then removes the profile and the keys.
/// </summary>
internal static class ServeCommand
{
    public static Command Build(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "The plain HTTP port; a free one by default.", HelpName = "port" };
        var securePort = new Option<int>("--secure-port") { Description = "The HTTPS port (the one the profile uses); a free one by default.", HelpName = "port" };
        var sm2 = new Option<bool>("--sm2") { Description = "国密: the fake merchant signs with SM2, and the platform answers with SM3withSM2." };
        var signing = new Option<string>("--signing-mode") { Description = "What signs the answers: public-key (PUB_KEY_ID_…) or platform-certificate.", DefaultValueFactory = _ => "public-key", HelpName = "mode" };
        signing.AcceptOnlyFromAmong("public-key", "platform-certificate");
        var profileName = new Option<string>("--profile-name") { Description = "The profile written for the fake merchant; it becomes the default when the file has none.", DefaultValueFactory = _ => "fake", HelpName = "name" };
        var noProfile = new Option<bool>("--no-profile") { Description = "Write no profile; print the environment variables only." };

        var command = new Command("serve", "Run a fake WeChat Pay platform on 127.0.0.1 and write its merchant as a profile, until Ctrl+C or SIGTERM.");
        foreach (var option in new Option[] { port, securePort, sm2, signing, profileName, noProfile })
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stop.Cancel();
            }

            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

            await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions
            {
                Port = parse.GetValue(port),
                SecurePort = parse.GetValue(securePort),
                Sm2 = parse.GetValue(sm2),
                SigningMode = parse.GetValue(signing) == "platform-certificate" ? SigningMode.PlatformCertificate : SigningMode.PublicKey,
            }, cancellationToken);
            var folder = Directory.CreateTempSubdirectory("wechatpay-fake-").FullName;
            try
            {
                var fields = await WriteKeysAsync(platform, folder);
                var name = parse.GetValue(profileName)!;
                var file = parse.GetValue(noProfile) ? null : context.Options.ProfileFilePath(parse, context.Terminal);
                if (file is not null)
                {
                    var profiles = ProfileFile.Load(file);
                    profiles.Set(name, fields);
                    profiles.Save();
                }

                Announce(context, platform, folder, fields, file, name);
                await RunUntilStoppedAsync(context, platform, stop.Token);
                if (file is not null && File.Exists(file))
                {
                    var profiles = ProfileFile.Load(file);
                    profiles.Remove(name);
                    profiles.Save();
                }

                context.Out.MarkupLine("The fake platform stopped; its profile and keys are removed.");
                return CliContext.Ok;
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }));
        return command;
    }

    /// <summary>Writes the fake merchant's keys as files, owner-readable only, and returns the profile naming them.</summary>
    internal static async Task<Dictionary<string, string>> WriteKeysAsync(FakePlatform platform, string folder)
    {
        var credentials = platform.Credentials;
        var certs = Directory.CreateDirectory(Path.Combine(folder, "certificates")).FullName;
        async Task<string> Write(string fileName, string text)
        {
            var path = Path.Combine(folder, fileName);
            await File.WriteAllTextAsync(path, text);
            Private(path);
            return "file://" + path;
        }

        await File.WriteAllTextAsync(Path.Combine(certs, credentials.PlatformSerial + ".pem"), credentials.PlatformCertificate.ExportCertificatePem());
        if (credentials.Sm2PlatformSerial is { } sm2Serial)
        {
            await File.WriteAllTextAsync(Path.Combine(certs, sm2Serial + ".pem"), credentials.Sm2PlatformCertificate!);
        }

        var p12 = Path.Combine(folder, "apiclient_cert.p12");
        await File.WriteAllBytesAsync(p12, credentials.MerchantCertificate.Export(X509ContentType.Pkcs12, credentials.Mchid));
        Private(p12);
        return new Dictionary<string, string>
        {
            ["mchid"] = credentials.Mchid,
            ["serial"] = credentials.MerchantSerial,
            ["privateKey"] = await Write("apiclient_key.pem", credentials.Sm2MerchantKey?.ExportPkcs8PrivateKeyPem() ?? credentials.MerchantKey.ExportPkcs8PrivateKeyPem()),
            ["publicKeyId"] = credentials.PublicKeyId,
            ["publicKey"] = await Write("pub_key.pem", credentials.Sm2PublicKey?.PublicKey.ExportSubjectPublicKeyInfoPem() ?? credentials.PublicKey.ExportSubjectPublicKeyInfoPem()),
            ["platformCerts"] = certs,
            ["apiV3Key"] = await Write("apiv3_key.txt", credentials.ApiV3Key),
            ["secret"] = await Write("apiv2_key.txt", credentials.ApiV2Key),
            ["merchantP12"] = "file://" + p12,
            ["baseUri"] = platform.BaseUri.ToString(),
            ["trustedRoots"] = await Write("ca.pem", credentials.CertificateAuthority.ExportCertificatePem()),
        };
    }

    private static void Private(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void Announce(CliContext context, FakePlatform platform, string folder, Dictionary<string, string> fields, string? file, string name)
    {
        var console = context.Out;
        console.MarkupLine($"A fake WeChat Pay platform listens at [bold]{platform.BaseUri}[/] (and without TLS at {platform.HttpBaseUri}); Ctrl+C or SIGTERM stops it.");
        console.MarkupLine($"Its merchant {fields["mchid"]} has test keys made just now, in {Markup.Escape(folder)}.");
        if (file is not null)
        {
            var isDefault = ProfileFile.Load(file).Default == name;
            console.MarkupLine($"Profile [bold]{Markup.Escape(name)}[/] written to {Markup.Escape(file)}{(isDefault ? " as the default" : string.Empty)}: try");
            console.MarkupLine($"  wechatpay call v3/certificates{(isDefault ? string.Empty : $" --profile {Markup.Escape(name)}")}");
        }

        console.MarkupLine("Or set these in another shell:");
        foreach (var setting in Setting.All.Where(s => fields.ContainsKey(s.Field)))
        {
            console.Profile.Out.Writer.WriteLine($"export {setting.Variable}='{fields[setting.Field]}'");
        }

        console.MarkupLine(string.Empty);
    }

    private static async Task RunUntilStoppedAsync(CliContext context, FakePlatform platform, CancellationToken stop)
    {
        var seen = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
            }

            foreach (var request in platform.Requests.Skip(seen))
            {
                context.Out.Profile.Out.Writer.WriteLine(request.ToString());
                seen++;
            }
        }
    }
}
