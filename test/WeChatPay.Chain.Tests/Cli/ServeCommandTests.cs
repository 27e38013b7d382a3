using System.Diagnostics;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Tests.Cli;

/// <summary>
/// <c>wechatpay serve</c> runs the fake platform and writes its merchant as a profile, so that a plain
/// <c>wechatpay call</c> reaches it, trusting its TLS certificate; stopping removes the profile and the keys.
/// </summary>
public class ServeCommandTests
{
    private static readonly string[] ReceiverAdd = ["call", "v3/profitsharing/receivers/add", "--json", """{"type":"PERSONAL_OPENID","account":"o1","relation_type":"USER"}"""];

    [Test]
    public async Task Writes_a_default_profile_that_a_plain_call_uses_then_removes_it_when_stopped()
    {
        using var cli = new CliRun();
        using var stop = new CancellationTokenSource();
        var serving = cli.RunAsync(["serve"], string.Empty, stop.Token);
        var profile = await WaitForProfile(cli.DefaultProfileFile, serving);

        var call = await cli.RunAsync([.. ReceiverAdd]);
        var secure = await cli.RunAsync(["call", "v2/secapi/pay/profitsharingreturn", "--security", "--xml", "<xml><mch_id>1900000109</mch_id><sub_mch_id>1900000109</sub_mch_id><appid>wx8888888888888888</appid><out_order_no>P20150806125346</out_order_no><out_return_no>R3</out_return_no><return_account_type>MERCHANT_ID</return_account_type><return_account>86693852</return_account><return_amount>10</return_amount><description>x</description></xml>"]);
        await stop.CancelAsync();
        var served = await serving;

        Assert.That(call.Code, Is.EqualTo(0), call.All);
        Assert.That(call.Out, Does.StartWith("200 OK  POST /v3/profitsharing/receivers/add"));
        Assert.That(profile["baseUri"], Does.StartWith("https://127.0.0.1:"), "over TLS, trusting the platform's CA from the profile");
        Assert.That(secure.Code, Is.EqualTo(0), secure.All);
        Assert.That(served.Code, Is.EqualTo(0), served.All);
        Assert.That(served.Out, Does.Contain("POST /v3/profitsharing/receivers/add → 200"), "serve logs what it received");
        Assert.That(ProfileFile.Load(cli.DefaultProfileFile).Get("fake"), Is.Null);
        Assert.That(File.Exists(new Uri(profile["privateKey"]).LocalPath), Is.False, "the keys are removed");
    }

    [Test]
    public async Task Leaves_an_existing_default_profile_the_default()
    {
        using var cli = new CliRun();
        cli.WriteProfile("prod", new Dictionary<string, string> { ["mchid"] = "1230000109" });
        using var stop = new CancellationTokenSource();
        var serving = cli.RunAsync(["serve", "--profile-name", "local"], string.Empty, stop.Token);
        await WaitForProfile(cli.DefaultProfileFile, serving, "local");

        var call = await cli.RunAsync([.. ReceiverAdd, "--profile", "local"]);
        await stop.CancelAsync();
        var served = await serving;

        Assert.That(call.Code, Is.EqualTo(0), call.All);
        Assert.That(served.Out, Does.Contain("--profile local"));
        var file = ProfileFile.Load(cli.DefaultProfileFile);
        Assert.That((file.Default, file.Names), Is.EqualTo(("prod", new[] { "prod" })));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task The_tool_process_stops_on_sigterm_and_tidies_up()
    {
        using var cli = new CliRun();
        var profileFile = Path.Combine(cli.Home, "profile.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "wechatpay.dll"), "serve", "--profile-file", profileFile })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            await WaitForProfile(profileFile, output);
            var call = await cli.RunAsync([.. ReceiverAdd, "--profile-file", profileFile]);
            Assert.That(call.Code, Is.EqualTo(0), call.All);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        Assert.That(process.ExitCode, Is.EqualTo(0), await process.StandardError.ReadToEndAsync());
        Assert.That(await output, Does.Contain("The fake platform stopped; its profile and keys are removed."));
        Assert.That(ProfileFile.Load(profileFile).Names, Is.Empty);
    }

    /// <summary>The profile serve writes, once it is there; fails if serve ends first or takes more than a minute.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> WaitForProfile(string file, Task serving, string name = "fake")
    {
        for (var waited = 0; waited < 1200; waited++)
        {
            if (serving.IsCompleted)
            {
                var said = serving is Task<CliResult> result ? result.Result.All : await (Task<string>)serving;
                Assert.Fail($"serve ended before writing its profile: {said}");
            }

            if (File.Exists(file) && TryLoad(file, name) is { } profile)
            {
                return profile;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"serve wrote no profile {name} to {file} within a minute");
    }

    private static IReadOnlyDictionary<string, string>? TryLoad(string file, string name)
    {
        try
        {
            return ProfileFile.Load(file).Get(name);
        }
        catch (CliException)
        {
            return null; // caught mid-write
        }
    }
}
