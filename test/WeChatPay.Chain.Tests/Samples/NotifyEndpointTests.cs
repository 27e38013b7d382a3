using System.Reflection;

namespace WeChatPay.Chain.Tests.Samples;

/// <summary>samples/Notifications runs: its endpoint takes the platform's genuine notification and refuses a tampered one.</summary>
[NonParallelizable]
public class NotifyEndpointTests
{
    [Test]
    public async Task Handles_the_genuine_notification_and_answers_401_to_the_tampered_one()
    {
        var saved = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var main = Assembly.Load("Notifications").EntryPoint!;
            if (main.Invoke(null, [Array.Empty<string>()]) is Task running)
            {
                await running;
            }
        }
        finally
        {
            Console.SetOut(saved);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Some.EqualTo("handled TRANSACTION.SUCCESS: out_trade_no 20150806125346, trade_state SUCCESS"));
        Assert.That(lines.Where(l => l.StartsWith("endpoint answered", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "endpoint answered 204",
            """endpoint answered 401 {"code":"FAIL","message":"BadSignature"}""",
        }));
    }
}
