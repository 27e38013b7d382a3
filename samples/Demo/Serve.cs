using System.Runtime.InteropServices;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Demo;

/// <summary>Runs a fake platform from the command line and writes the client's keys where an app can load them.</summary>
internal static class Serve
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = args.SkipWhile(a => a != "--port").Skip(1).Select(int.Parse).FirstOrDefault();
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { Port = port });
        var folder = Directory.CreateTempSubdirectory("wechatpay-fake-").FullName;
        var keyFile = Path.Combine(folder, "apiclient_key.pem");
        var publicKeyFile = Path.Combine(folder, "pub_key.pem");
        await File.WriteAllTextAsync(keyFile, platform.Credentials.MerchantKey.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(publicKeyFile, platform.Credentials.PublicKey.ExportSubjectPublicKeyInfoPem());
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.pem"), platform.Credentials.CertificateAuthority.ExportCertificatePem());
        await File.WriteAllBytesAsync(Path.Combine(folder, "apiclient_cert.p12"), platform.Credentials.MerchantCertificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, platform.Credentials.Mchid));
        await File.WriteAllTextAsync(Path.Combine(folder, "apiv2_key.txt"), platform.Credentials.ApiV2Key);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var secret in new[] { keyFile, Path.Combine(folder, "apiclient_cert.p12"), Path.Combine(folder, "apiv2_key.txt") })
            {
                File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Console.WriteLine($$"""
            A fake WeChat Pay platform listens at {{platform.HttpBaseUri}} and, with TLS, at {{platform.BaseUri}} (Ctrl+C or SIGTERM stops it).
            Its keys are test keys made just now, in {{folder}}: for APIv2 over TLS use apiv2_key.txt (Secret),
            apiclient_cert.p12 (Merchant, password {{platform.Credentials.Mchid}}) and ca.pem (TrustedRoots).

            dynamic wx = Builder.Factory(new BuilderOptions
            {
                Mchid = "{{platform.Credentials.Mchid}}",
                Serial = "{{platform.Credentials.MerchantSerial}}",
                PrivateKey = "file://{{keyFile}}",
                Certs = { ["{{platform.Credentials.PublicKeyId}}"] = "file://{{publicKeyFile}}" },
                BaseUri = new Uri("{{platform.HttpBaseUri}}"),
            });
            """);
        // Ctrl+C at a terminal, SIGTERM from `timeout`, `kill` or a service manager: both end the loop below, so the
        // folder of test keys is removed and the listener closed whichever way the server is stopped.
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        var seen = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(200, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            foreach (var request in platform.Requests.Skip(seen))
            {
                Console.WriteLine(request);
                seen++;
            }
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
