using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Tests.Cli;

/// <summary><c>wechatpay notification verify</c>: headers as options or an envelope, the body from a file or standard input.</summary>
public class NotificationCommandTests : CliPlatformFixture
{
    [Test]
    public async Task Verifies_a_body_file_with_headers_as_options_and_prints_the_plaintext()
    {
        var notification = Platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1", trade_state = "SUCCESS" });
        var file = Path.Combine(Cli.Home, "notification.json");
        await File.WriteAllTextAsync(file, notification.Body);
        var headers = notification.Headers.Where(h => h.Key.StartsWith("Wechatpay-", StringComparison.Ordinal)).SelectMany(h => new[] { "-H", $"{h.Key}: {h.Value}" });

        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "notification", "verify", file, .. headers]);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(result.Out, Does.Contain($"Verified: yes, signature by {Platform.Credentials.PublicKeyId}"));
        Assert.That(result.Out, Does.Contain("event_type: TRANSACTION.SUCCESS"));
        Assert.That((string?)JObject.Parse(result.Out[result.Out.IndexOf('{', StringComparison.Ordinal)..])["out_trade_no"], Is.EqualTo("T1"));
    }

    [Test]
    public async Task Verifies_an_envelope_from_standard_input()
    {
        var notification = Platform.Notifications.Create("REFUND.SUCCESS", new { out_refund_no = "RF1" }, "refund", "退款成功");
        var envelope = new JObject { ["headers"] = JObject.FromObject(notification.Headers), ["body"] = notification.Body }.ToString();

        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "notification", "verify", "--envelope", "--plaintext-only"], envelope, CancellationToken.None);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That((string?)JObject.Parse(result.Out)["out_refund_no"], Is.EqualTo("RF1"));
    }

    [Test]
    public async Task Rejects_a_body_changed_after_signing_and_prints_no_plaintext()
    {
        var notification = Platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1" });
        var envelope = new JObject { ["headers"] = JObject.FromObject(notification.Headers), ["body"] = notification.Body.Replace("支付成功", "支付失败", StringComparison.Ordinal) }.ToString();

        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "notification", "verify", "--envelope"], envelope, CancellationToken.None);

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("NotificationRejectedException"));
        Assert.That(result.Out, Does.Not.Contain("T1"));
    }

    [Test]
    public async Task Opens_an_apiv2_refund_notification_with_the_apiv2_key()
    {
        var xml = Platform.Notifications.CreateRefund(new Dictionary<string, string> { ["out_refund_no"] = "RF2", ["refund_status"] = "SUCCESS" });

        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "notification", "verify"], xml, CancellationToken.None);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(result.Out, Does.Contain("\"out_refund_no\": \"RF2\""));
    }

    [Test]
    public async Task Asks_for_the_headers_when_none_is_given()
    {
        var notification = Platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1" });

        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "notification", "verify"], notification.Body, CancellationToken.None);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("-H \"Name: value\"").And.Contain("--envelope"));
    }
}
