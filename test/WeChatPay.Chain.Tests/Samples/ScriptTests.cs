using System.Diagnostics;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Samples;

/// <summary>
/// The file-based app docs/scripts.md shows, run as a user runs it (<c>dotnet run return-order.cs</c>): it builds
/// with no AOT or trimming warning (the repository treats warnings as errors, so one would fail it) and makes its
/// call against the fake platform it starts.
/// </summary>
[NonParallelizable]
public class ScriptTests
{
    [Test]
    public async Task The_file_based_app_builds_clean_and_makes_its_call()
    {
        var script = Path.Combine(Repository.Root(), "samples", "Scripts", "return-order.cs");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["run", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var text = await output + await errors;
        Assert.That(process.ExitCode, Is.EqualTo(0), text);
        Assert.That(text, Does.Not.Contain("IL3050").And.Not.Contain("IL2026").And.Not.Contain("warning"));
        Assert.That(text, Does.Contain("200 PROCESSING"));
    }
}
