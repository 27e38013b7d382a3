using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WeChatPay.Chain;
using WeChatPay.Chain.Hosting.Composition;
using WeChatPay.Chain.Hosting.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Health checks for WeChat Pay merchants.</summary>
public static class WeChatPayHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks the platform certificate renewal of merchant <paramref name="merchant"/> (the default one when empty):
    /// healthy, degraded after a failed download with earlier certificates still in use, or unhealthy when none succeeded.
    /// </summary>
    /// <param name="builder">The health checks.</param>
    /// <param name="merchant">The merchant's name; empty for the default merchant.</param>
    public static IHealthChecksBuilder AddWeChatPayCertificates(this IHealthChecksBuilder builder, string merchant)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(merchant);
        var name = merchant.Length == 0 ? "wechatpay-certificates" : $"wechatpay-certificates-{merchant}";
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new CertificatesHealthCheck(() => provider.GetRequiredService<Merchants>().Get(merchant)),
            HealthStatus.Unhealthy,
            ["wechatpay"]));
    }
}
