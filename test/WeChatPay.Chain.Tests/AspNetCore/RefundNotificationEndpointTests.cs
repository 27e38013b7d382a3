using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.AspNetCore;

/// <summary>APIv2 refund notifications (req_info under the MD5 of the APIv2 key) delivered to MapWeChatPayRefundNotifications.</summary>
public class RefundNotificationEndpointTests
{
    private const string Success = "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>";
    private static readonly string Personal = "refund-account-" + Guid.NewGuid().ToString("N");
    private FakePlatform _platform = null!;
    private NotifyHost _host = null!;
    private readonly List<IReadOnlyDictionary<string, string>> _handled = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _host = await NotifyHost.StartAsync(
            services => services.AddSingleton<IChainNode>(Builder.Factory(_platform.ClientOptions())),
            app =>
            {
                app.MapWeChatPayRefundNotifications("/refund", (refund, _) =>
                {
                    lock (_handled)
                    {
                        _handled.Add(refund);
                    }

                    return Task.CompletedTask;
                });
                app.MapWeChatPayRefundNotifications("/throws", (_, _) => throw new InvalidOperationException("the refund ledger is down"));
            });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [SetUp]
    public void Forget()
    {
        _handled.Clear();
        _host.Logs.Clear();
    }

    [Test]
    public async Task Hands_a_genuine_refund_notification_to_the_handler_and_answers_SUCCESS()
    {
        var (status, body) = await DeliverAsync("/refund", _platform.Notifications.CreateRefund(Refund("R1")));
        Assert.That((status, body), Is.EqualTo((200, Success)));
        var refund = _handled.Single();
        Assert.That((refund["out_refund_no"], refund["refund_status"], refund["refund_recv_accout"]), Is.EqualTo(("R1", "SUCCESS", Personal)));
    }

    [Test]
    public async Task Refuses_a_refund_notification_encrypted_without_the_merchants_key()
    {
        await using var forger = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = _platform.Credentials.Mchid });
        var (status, body) = await DeliverAsync("/refund", forger.Notifications.CreateRefund(Refund("R2")));
        Assert.That((status, body), Is.EqualTo((401, Fail("Undecryptable"))));
        Assert.That(_handled, Is.Empty);
        AssertNothingSecretIn(_host.Logs.All);
    }

    [Test]
    public async Task Refuses_a_refund_notification_for_another_merchant()
    {
        await using var other = await FakePlatform.StartAsync(new FakePlatformOptions { Mchid = "1900000110" });
        var (status, body) = await DeliverAsync("/refund", other.Notifications.CreateRefund(Refund("R3")));
        Assert.That((status, body), Is.EqualTo((400, Fail("Malformed"))));
        Assert.That(_handled, Is.Empty);
    }

    [Test]
    public async Task Answers_500_FAIL_when_the_handler_throws_and_logs_it_without_the_decrypted_fields()
    {
        var (status, body) = await DeliverAsync("/throws", _platform.Notifications.CreateRefund(Refund("R4")));
        Assert.That((status, body), Is.EqualTo((500, Fail("The notification was not handled."))));
        Assert.That(_host.Logs.OfEndpoints.Single().Text, Does.Contain("the refund ledger is down"));
        AssertNothingSecretIn(_host.Logs.All);
    }

    private static string Fail(string message) => $"<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[{message}]]></return_msg></xml>";

    private static Dictionary<string, string> Refund(string outRefundNo) => new()
    {
        ["out_refund_no"] = outRefundNo,
        ["refund_status"] = "SUCCESS",
        ["refund_fee"] = "100",
        ["refund_recv_accout"] = Personal,
    };

    private async Task<(int Status, string Body)> DeliverAsync(string path, string xml)
    {
        using var client = new HttpClient();
        using var answer = await client.PostAsync(_host.Endpoint(path), new StringContent(xml, Encoding.UTF8, "text/xml"));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain(Personal).And.Not.Contain(_platform.Credentials.ApiV2Key));
        return ((int)answer.StatusCode, body);
    }

    private void AssertNothingSecretIn(string text)
    {
        Assert.That(text, Does.Not.Contain(Personal), "decrypted content");
        Assert.That(text, Does.Not.Contain(_platform.Credentials.ApiV2Key), "the APIv2 key");
    }
}
