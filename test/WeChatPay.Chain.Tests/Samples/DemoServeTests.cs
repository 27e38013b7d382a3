using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace WeChatPay.Chain.Tests.Samples;

/// <summary>
/// <c>samples/Demo -- serve</c> as a process: service managers and <c>timeout</c> stop it with SIGTERM, not Ctrl+C,
/// and it must stop cleanly then, closing the port and removing its folder of test keys.
/// </summary>
[NonParallelizable]
public partial class DemoServeTests
{
    [Test]
    public async Task Serve_stops_on_sigterm_closing_its_port_and_removing_its_keys()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "SIGTERM is a POSIX signal");
        var demo = Path.Combine(AppContext.BaseDirectory, "Demo.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [demo, "serve"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            using var started = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var banner = new List<string>();
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(started.Token)) is not null && !line.Contains("for APIv2", StringComparison.Ordinal))
            {
                banner.Add(line);
            }

            Assert.That(line, Is.Not.Null, string.Join('\n', banner));
            var http = new Uri(banner.Select(l => Listening().Match(l)).First(m => m.Success).Groups["uri"].Value);
            var folder = KeyFolder().Match(line!).Groups["folder"].Value;
            Assert.That(Directory.Exists(folder), Is.True, folder);
            Assert.That(await Accepts(http), Is.True, "the fake platform is not listening");

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(stopped.Token);
            Assert.That(process.ExitCode, Is.EqualTo(0), await process.StandardError.ReadToEndAsync());
            Assert.That(Directory.Exists(folder), Is.False, "the folder of test keys was left behind");
            Assert.That(await Accepts(http), Is.False, "the port is still open");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<bool> Accepts(Uri uri)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(uri.Host, uri.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"listens at (?<uri>http://\S+) and")]
    private static partial Regex Listening();

    [GeneratedRegex(@"made just now, in (?<folder>.+): for APIv2")]
    private static partial Regex KeyFolder();
}
