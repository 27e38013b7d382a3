using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>The platform certificates of an instance.</summary>
public static class Certificates
{
    /// <summary>The renewal status of <paramref name="instance"/>, or <see langword="null"/> when it does not renew certificates.</summary>
    /// <param name="instance">The instance <see cref="Builder.Factory"/> returned.</param>
    public static CertificateRenewalStatus? RenewalStatus(IChainNode instance) => ClientOf(instance).Identity.Renewer?.Status;

    /// <summary>
    /// Downloads the platform certificates once (<c>GET /v3/certificates</c>), as the PHP and Node SDKs' downloaders
    /// do: each decrypted with <see cref="BuilderOptions.ApiV3Key"/>, checked against the serial it is listed under,
    /// and the answer verified with the certificate it names (downloaded or already configured, so the first download
    /// needs none in advance: build the instance with <see cref="BuilderOptions.AutoRenewCertificates"/> and empty
    /// <see cref="BuilderOptions.Certs"/>). The instance's own keys do not change.
    /// </summary>
    /// <param name="instance">The instance <see cref="Builder.Factory"/> returned, configured for APIv3 with an <c>ApiV3Key</c>.</param>
    /// <param name="algorithmType"><c>RSA</c>, <c>SM2</c> or <c>ALL</c>; <see langword="null"/> for the merchant key's own (SM2 for a 国密 merchant).</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The certificates, as listed.</returns>
    /// <exception cref="InvalidOperationException">The instance has no APIv3 keys or no <c>ApiV3Key</c>.</exception>
    /// <exception cref="ResponseVerificationException">The answer does not verify with any certificate it carries or the instance knows.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">A certificate does not decrypt, or is not the one it is listed as.</exception>
    public static Task<IReadOnlyList<PlatformCertificate>> DownloadAsync(IChainNode instance, string? algorithmType = null, CancellationToken cancellationToken = default)
    {
        var client = ClientOf(instance);
        var identity = client.Identity;
        if (algorithmType is not (null or "RSA" or "SM2" or "ALL"))
        {
            throw new ArgumentException("Give RSA, SM2, ALL, or null for the merchant key's own.", nameof(algorithmType));
        }

        var check = identity.Check ?? throw new InvalidOperationException("Certificates are downloaded over APIv3: set Serial, PrivateKey and Certs (or AutoRenewCertificates) in BuilderOptions.");
        var key = identity.ApiV3Key ?? throw new InvalidOperationException("Downloaded certificates are decrypted with the APIv3 key: set ApiV3Key in BuilderOptions.");
        algorithmType ??= identity.MerchantKey?.Sm2 is not null ? "SM2" : null;
        return CertificateDownload.FetchAsync(client, key, algorithmType == "RSA" ? null : algorithmType, identity.PlatformKeys ?? new Dictionary<string, PlatformKey>(), check.Time, cancellationToken);
    }

    private static Client ClientOf(IChainNode instance) =>
        (instance ?? throw new ArgumentNullException(nameof(instance))) is ChainNode node
            ? node.Client
            : throw new ArgumentException("Pass the instance Builder.Factory returned.", nameof(instance));
}
