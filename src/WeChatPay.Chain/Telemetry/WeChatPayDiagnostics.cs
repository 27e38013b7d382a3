namespace WeChatPay.Chain;

/// <summary>
/// The names to listen to for traces and metrics. Every call is one <see cref="System.Diagnostics.Activity"/> of kind
/// client, named by its method and path template (<c>POST v3/profitsharing/return-orders</c>; never the raw path with
/// order numbers), and is measured by the meter's instruments. With OpenTelemetry:
/// <c>.WithTracing(t =&gt; t.AddSource(WeChatPayDiagnostics.Name)).WithMetrics(m =&gt; m.AddMeter(WeChatPayDiagnostics.Name))</c>.
/// </summary>
public static class WeChatPayDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string Name = "WeChatPay.Chain";

    /// <summary>Histogram of call durations in seconds, tagged by method, template, status and platform code.</summary>
    public const string CallDuration = "wechatpay.client.call.duration";

    /// <summary>Counter of calls, tagged like <see cref="CallDuration"/>.</summary>
    public const string Calls = "wechatpay.client.calls";

    /// <summary>Counter of failed calls (transport, verification, or the platform's error), tagged like <see cref="CallDuration"/> plus the error type.</summary>
    public const string Failures = "wechatpay.client.call.failures";

    /// <summary>Counter of platform certificate downloads, tagged by outcome (<c>success</c> or <c>failure</c>).</summary>
    public const string CertificateRenewals = "wechatpay.certificates.renewals";
}
