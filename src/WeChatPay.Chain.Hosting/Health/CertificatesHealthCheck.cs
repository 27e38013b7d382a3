using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeChatPay.Chain.Hosting.Health;

/// <summary>
/// Reports a merchant's platform certificate renewal: healthy when it is off or its last download succeeded; degraded
/// when the last download failed but an earlier one succeeded (the keys in use still verify); unhealthy when no
/// download has succeeded and one has failed.
/// </summary>
internal sealed class CertificatesHealthCheck(Func<IChainNode> root) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = Certificates.RenewalStatus(root());
        var data = new Dictionary<string, object>();
        if (status is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Certificate renewal is off.", data));
        }

        data["lastSucceeded"] = status.LastSucceeded?.ToString("O") ?? "never";
        data["lastFailed"] = status.LastFailed?.ToString("O") ?? "never";
        data["certificates"] = status.Certificates;
        return Task.FromResult(status switch
        {
            { LastError: null } => HealthCheckResult.Healthy("Platform certificates are current.", data),
            { LastSucceeded: not null } => new HealthCheckResult(HealthStatus.Degraded, $"The last platform certificate download failed ({status.LastError}); the certificates from an earlier one are in use.", data: data),
            _ => new HealthCheckResult(context.Registration.FailureStatus, $"No platform certificate download has succeeded; the last failed ({status.LastError}).", data: data),
        });
    }
}
