using System.CommandLine;
using Spectre.Console;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Cli.Commands;

/// <summary>
/// <c>wechatpay certificates download</c>: the platform certificates, decrypted with the APIv3 key and verified, saved
/// as <c>&lt;serial&gt;.pem</c>, the folder <c>--platform-certs</c> reads back.
/// </summary>
internal static class CertificatesCommand
{
    public static Command Build(CliContext context)
    {
        var output = new Option<string>("--output", "-o") { Description = "The folder to write <serial>.pem files into; created if needed.", DefaultValueFactory = _ => "certificates", HelpName = "folder" };
        var algorithm = new Option<string?>("--algorithm") { Description = "RSA, SM2 or ALL; the merchant key's own by default (SM2 for a 国密 merchant).", HelpName = "type" };
        algorithm.AcceptOnlyFromAmong("RSA", "SM2", "ALL");

        var download = new Command("download", "Download the platform certificates (GET v3/certificates), decrypt them with the APIv3 key, verify the answer, and save each as <serial>.pem.");
        download.Add(output);
        download.Add(algorithm);
        download.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            var settings = context.Settings(parse);
            var options = settings.ToBuilderOptions();
            if (options.ApiV3Key is null)
            {
                throw MerchantSettings.Missing(Setting.ApiV3Key);
            }

            var wx = CliContext.Instance(options);
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            IReadOnlyList<PlatformCertificate> certificates = [];
            await context.Out.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var fetching = progress.AddTask($"GET v3/certificates{(parse.GetValue(algorithm) is { } a ? $"?algorithm_type={a}" : string.Empty)}", maxValue: 1);
                fetching.IsIndeterminate = true;
                certificates = await Certificates.DownloadAsync(wx, parse.GetValue(algorithm), cancellationToken);
                fetching.IsIndeterminate = false;
                fetching.Increment(1);

                var writing = progress.AddTask($"write {certificates.Count} PEM file(s)", maxValue: Math.Max(1, certificates.Count));
                Directory.CreateDirectory(folder);
                foreach (var certificate in certificates)
                {
                    await File.WriteAllTextAsync(Path.Combine(folder, certificate.Serial + ".pem"), certificate.Pem, cancellationToken);
                    writing.Increment(1);
                }

                writing.Value = writing.MaxValue;
            });

            var table = new Table().AddColumns("serial", "algorithm", "effective", "expires", "file");
            foreach (var certificate in certificates)
            {
                table.AddRow(certificate.Serial, certificate.Algorithm, certificate.EffectiveTime.ToString("yyyy-MM-dd"), certificate.ExpireTime.ToString("yyyy-MM-dd"), Markup.Escape(Path.Combine(folder, certificate.Serial + ".pem")));
            }

            context.Out.Write(table);
            context.Out.MarkupLine($"{certificates.Count} certificate(s) decrypted, the answer's signature verified; use them with [bold]--platform-certs {Markup.Escape(folder)}[/].");
            return CliContext.Ok;
        }));

        var command = new Command("certificates", "Platform certificates (平台证书).");
        command.Add(download);
        return command;
    }
}
