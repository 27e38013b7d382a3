using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WeChatPay.Chain.Samples.Notifications;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Samples;

/// <summary>The minimal-API notify endpoint of samples/Notifications, on a real Kestrel server, fed by the fake platform.</summary>
public class NotifyEndpointTests
{
    private FakePlatform _platform = null!;
    private WebApplication _app = null!;
    private Uri _endpoint = null!;
    private readonly List<Notice> _handled = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapWeChatPayNotifications("/notify", Builder.Factory(_platform.ClientOptions()), (notice, _) =>
        {
            lock (_handled)
            {
                _handled.Add(notice);
            }

            return Task.CompletedTask;
        });
        await _app.StartAsync();
        _endpoint = new Uri(_app.Urls.First() + "/notify");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [SetUp]
    public void Forget() => _handled.Clear();

    [Test]
    public async Task Handles_a_genuine_notification_and_answers_204()
    {
        using var answer = await _platform.Notifications.Create("REFUND.SUCCESS", new { out_refund_no = "R1", refund_status = "SUCCESS" }, "refund", "退款成功").PostAsync(_endpoint);
        Assert.That((int)answer.StatusCode, Is.EqualTo(204));
        Assert.That(_handled.Single().EventType, Is.EqualTo("REFUND.SUCCESS"));
        Assert.That((string)_handled.Single().Data.out_refund_no, Is.EqualTo("R1"));
    }

    [TestCase(Fault.BadSignature, "BadSignature")]
    [TestCase(Fault.SignatureProbe, "SignatureProbe")]
    [TestCase(Fault.StaleTimestamp, "Timestamp")]
    public async Task Answers_401_to_a_tampered_notification_without_handling_it(Fault fault, string reason)
    {
        using var answer = await _platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "X" }, fault: fault).PostAsync(_endpoint);
        Assert.That((int)answer.StatusCode, Is.EqualTo(401));
        Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo($$"""{"code":"FAIL","message":"{{reason}}"}"""));
        Assert.That(_handled, Is.Empty);
    }
}
