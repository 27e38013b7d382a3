using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.AspNetCore;

/// <summary>APIv3 notifications delivered by the fake platform to MapWeChatPayNotifications on a real Kestrel server.</summary>
public class NotificationEndpointTests
{
    // Stands for what a resource carries that must stay between the platform and the handler (openid, amounts, …).
    private static readonly string Personal = "openid-" + Guid.NewGuid().ToString("N");
    private FakePlatform _platform = null!;
    private NotifyHost _host = null!;
    private readonly List<Notice> _handled = [];
    private readonly List<Transaction> _typed = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _host = await NotifyHost.StartAsync(
            services => services.AddSingleton<IChainNode>(Builder.Factory(_platform.ClientOptions())),
            app =>
            {
                app.MapWeChatPayNotifications("/notify", (notice, _) => Handle(notice));
                app.MapWeChatPayNotifications("/throws", (_, _) => throw new InvalidOperationException("the order store is down"));
                app.MapWeChatPayNotifications<Transaction>("/typed", (transaction, _, _) => Handle(transaction));
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
        _typed.Clear();
        _host.Logs.Clear();
    }

    [Test]
    public async Task Hands_a_genuine_notification_to_the_handler_once_and_answers_204_with_no_body()
    {
        var sent = _platform.Notifications.Create("TRANSACTION.SUCCESS", Paid("T1"));
        using var answer = await sent.PostAsync(_host.Endpoint("/notify"));
        Assert.That((int)answer.StatusCode, Is.EqualTo(204));
        Assert.That(await answer.Content.ReadAsStringAsync(), Is.Empty);
        var notice = _handled.Single();
        Assert.That((notice.EventType, (string)notice.Data.out_trade_no, (string)notice.Data.payer.openid), Is.EqualTo(("TRANSACTION.SUCCESS", "T1", Personal)));
        Assert.That(notice.Id, Is.EqualTo(JsonConvert.DeserializeObject<Dictionary<string, object>>(sent.Body)!["id"]));
    }

    [TestCase(Fault.BadSignature, "BadSignature")]
    [TestCase(Fault.WrongKey, "BadSignature")]
    [TestCase(Fault.StaleTimestamp, "Timestamp")]
    [TestCase(Fault.UnknownSerial, "UnknownSerial")]
    [TestCase(Fault.SignatureProbe, "SignatureProbe")]
    [TestCase(Fault.NoSignatureHeaders, "HeadersMissing")]
    public async Task Refuses_a_tampered_notification_with_401_in_the_platform_error_shape_without_handling_it(Fault fault, string reason)
    {
        using var answer = await _platform.Notifications.Create("TRANSACTION.SUCCESS", Paid("T2"), fault: fault).PostAsync(_host.Endpoint("/notify"));
        Assert.That((int)answer.StatusCode, Is.EqualTo(401));
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo($$"""{"code":"FAIL","message":"{{reason}}"}"""));
        Assert.That(_handled, Is.Empty);
        Assert.That(_host.Logs.OfEndpoints, Has.Some.Matches<(LogLevel Level, string Text)>(e => e.Level == LogLevel.Warning && e.Text.Contains(reason, StringComparison.Ordinal)));
        AssertNothingSecretIn(_host.Logs.All);
    }

    [Test]
    public async Task Refuses_a_notification_whose_body_was_changed_after_it_was_signed()
    {
        var sent = _platform.Notifications.Create("REFUND.ABNORMAL", Paid("T3"), "refund", "退款异常");
        using var answer = await (sent with { Body = sent.Body.Replace("REFUND.ABNORMAL", "REFUND.SUCCESS", StringComparison.Ordinal) }).PostAsync(_host.Endpoint("/notify"));
        Assert.That((int)answer.StatusCode, Is.EqualTo(401));
        Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo("""{"code":"FAIL","message":"BadSignature"}"""));
        Assert.That(_handled, Is.Empty);
    }

    [Test]
    public async Task Answers_500_in_the_platform_error_shape_when_the_handler_throws_and_logs_it_without_the_decrypted_content()
    {
        var sent = _platform.Notifications.Create("TRANSACTION.SUCCESS", Paid("T4"));
        using var answer = await sent.PostAsync(_host.Endpoint("/throws"));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.That((int)answer.StatusCode, Is.EqualTo(500));
        Assert.That(body, Is.EqualTo("""{"code":"FAIL","message":"The notification was not handled."}"""));
        var logged = _host.Logs.OfEndpoints.Single();
        Assert.That(logged.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(logged.Text, Does.Contain("the order store is down").And.Contain("TRANSACTION.SUCCESS").And.Contain((string)JsonConvert.DeserializeObject<dynamic>(sent.Body)!.id));
        AssertNothingSecretIn(body);
        AssertNothingSecretIn(_host.Logs.All);
    }

    [Test]
    public async Task Hands_a_typed_handler_the_resource_read_into_its_type()
    {
        using var answer = await _platform.Notifications.Create("TRANSACTION.SUCCESS", Paid("T5")).PostAsync(_host.Endpoint("/typed"));
        Assert.That((int)answer.StatusCode, Is.EqualTo(204));
        var transaction = _typed.Single();
        Assert.That((transaction.OutTradeNo, transaction.TradeState, transaction.Amount?.Total), Is.EqualTo(("T5", "SUCCESS", 100)));
    }

    [Test]
    public async Task Answers_500_when_the_resource_does_not_read_into_the_type_and_logs_where_without_the_value()
    {
        var resource = new { out_trade_no = "T6", trade_state = "SUCCESS", amount = new { total = Personal } };
        using var answer = await _platform.Notifications.Create("TRANSACTION.SUCCESS", resource).PostAsync(_host.Endpoint("/typed"));
        Assert.That((int)answer.StatusCode, Is.EqualTo(500));
        Assert.That(_typed, Is.Empty);
        Assert.That(_host.Logs.OfEndpoints.Single().Text, Does.Contain("does not read as Transaction at amount.total"));
        AssertNothingSecretIn(_host.Logs.All);
    }

    [Test]
    public void Refuses_to_map_an_endpoint_for_a_merchant_that_is_not_registered()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddKeyedSingleton<IChainNode>("shop-a", Builder.Factory(_platform.ClientOptions()));
        var app = builder.Build();
        var unnamed = Assert.Throws<InvalidOperationException>(() => app.MapWeChatPayNotifications("/notify", (_, _) => Task.CompletedTask));
        var named = Assert.Throws<InvalidOperationException>(() => app.MapWeChatPayNotifications("/notify", new() { Merchant = "shop-b" }, (_, _) => Task.CompletedTask));
        Assert.That(unnamed!.Message, Does.Contain("No IChainNode is registered"));
        Assert.That(named!.Message, Does.Contain("\"shop-b\""));
        Assert.DoesNotThrow(() => app.MapWeChatPayNotifications("/shop-a", new() { Merchant = "shop-a" }, (_, _) => Task.CompletedTask));
    }

    private object Paid(string outTradeNo) => new
    {
        mchid = _platform.Credentials.Mchid,
        out_trade_no = outTradeNo,
        trade_state = "SUCCESS",
        amount = new { total = 100, currency = "CNY" },
        payer = new { openid = Personal },
    };

    private Task Handle(Notice notice)
    {
        lock (_handled)
        {
            _handled.Add(notice);
        }

        return Task.CompletedTask;
    }

    private Task Handle(Transaction transaction)
    {
        lock (_typed)
        {
            _typed.Add(transaction);
        }

        return Task.CompletedTask;
    }

    private void AssertNothingSecretIn(string text)
    {
        Assert.That(text, Does.Not.Contain(Personal), "decrypted content");
        Assert.That(text, Does.Not.Contain(_platform.Credentials.ApiV3Key), "the APIv3 key");
    }

    /// <summary>What a merchant's own type for a transaction resource looks like.</summary>
    public sealed class Transaction
    {
        [JsonProperty("out_trade_no")]
        public string? OutTradeNo { get; set; }

        [JsonProperty("trade_state")]
        public string? TradeState { get; set; }

        [JsonProperty("amount")]
        public TransactionAmount? Amount { get; set; }
    }

    /// <summary>The amount of a transaction.</summary>
    public sealed class TransactionAmount
    {
        [JsonProperty("total")]
        public int Total { get; set; }
    }
}
