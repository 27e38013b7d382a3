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
