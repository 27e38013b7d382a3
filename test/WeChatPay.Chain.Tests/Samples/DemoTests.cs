using WeChatPay.Chain.Demo;

namespace WeChatPay.Chain.Tests.Samples;

/// <summary>The README's first command works on a machine with no credentials.</summary>
[NonParallelizable]
public class DemoTests
{
    [Test]
    public async Task Runs_every_seed_call_in_all_three_styles_against_the_embedded_platform()
    {
        Assume.That(Environment.GetEnvironmentVariable("WECHATPAY_MCHID"), Is.Null, "real credentials are set: the demo would call the real platform");
        var saved = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await SeedCalls.RunAsync([]);
        }
        finally
        {
            Console.SetOut(saved);
        }

        var text = output.ToString();
        Assert.That(exit, Is.EqualTo(0), text);
        Assert.That(text.Split('\n').Count(l => l.Contains("signature verified", StringComparison.Ordinal)), Is.EqualTo(12), text);
        Assert.That(text.Split('\n').Count(l => l.Contains("over mutual TLS, sign verified (HMAC-SHA256", StringComparison.Ordinal)), Is.EqualTo(3), text);
        Assert.That(text, Does.Contain("── member chain ──").And.Contain("── Chain(\"…\") ──").And.Contain("── indexer [\"…\"] ──"));
        Assert.That(text, Does.Contain("GET /v3/profitsharing/return-orders/R").And.Contain("result               SUCCESS"));
    }
}
