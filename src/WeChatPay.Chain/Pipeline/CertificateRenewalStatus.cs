namespace WeChatPay.Chain;

/// <summary>
/// What automatic certificate renewal (<see cref="BuilderOptions.AutoRenewCertificates"/>) has come to: read it with
/// <see cref="Certificates.RenewalStatus"/> for a health check or a dashboard.
/// </summary>
/// <param name="LastSucceeded">When the last download succeeded, by the instance's clock; <see langword="null"/> before the first.</param>
/// <param name="LastFailed">When a download last failed; <see langword="null"/> if none has.</param>
/// <param name="LastError">The type of the last download's failure, when the last download failed; <see langword="null"/> once one succeeds.</param>
/// <param name="Certificates">How many unexpired certificates the last successful download brought.</param>
public sealed record CertificateRenewalStatus(DateTimeOffset? LastSucceeded, DateTimeOffset? LastFailed, string? LastError, int Certificates);

/// <summary>The platform certificates of an instance.</summary>
public static class Certificates
{
    /// <summary>The renewal status of <paramref name="instance"/>, or <see langword="null"/> when it does not renew certificates.</summary>
    /// <param name="instance">The instance <see cref="Builder.Factory"/> returned.</param>
    public static CertificateRenewalStatus? RenewalStatus(IChainNode instance) =>
        (instance ?? throw new ArgumentNullException(nameof(instance))) is ChainNode node
            ? node.Client.Identity.Renewer?.Status
            : throw new ArgumentException("Pass the instance Builder.Factory returned.", nameof(instance));
}
