using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.AspNetCore;

/// <summary>A 国密 merchant's notifications: SM2-signed, resource in AEAD_SM4_GCM.</summary>
public class GuomiEndpointTests
{
    [Test]
    public async Task Takes_a_genuine_guomi_notification_and_refuses_a_tampered_one()
    {
        await using var platform = await FakePlatform.StartAsync(new FakePlatformOptions { Sm2 = true });
        var handled = new List<Notice>();
        await using var host = await NotifyHost.StartAsync(
            services => services.AddSingleton<IChainNode>(Builder.Factory(platform.ClientOptions())),
            app => app.MapWeChatPayNotifications("/notify", (notice, _) =>
            {
                handled.Add(notice);
                return Task.CompletedTask;
            }));

        var sent = platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "SM-1", trade_state = "SUCCESS" });
        Assert.That(sent.Body, Does.Contain("AEAD_SM4_GCM"), "the platform sends a 国密 notification");
        using var accepted = await sent.PostAsync(host.Endpoint("/notify"));
        using var refused = await platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "SM-2" }, fault: Fault.BadSignature).PostAsync(host.Endpoint("/notify"));

        Assert.That(((int)accepted.StatusCode, (int)refused.StatusCode), Is.EqualTo((204, 401)));
        Assert.That(handled.Select(n => (string)n.Data.out_trade_no), Is.EqualTo(new[] { "SM-1" }));
    }
}
