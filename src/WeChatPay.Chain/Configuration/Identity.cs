using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>One instance's merchant and the keys for what the platform sends on its own: notifications.</summary>
/// <param name="Mchid">The merchant id.</param>
/// <param name="Check">The APIv3 platform-signature check, when APIv3 is configured.</param>
/// <param name="ApiV3Key">The APIv3 key, when given.</param>
/// <param name="Secret">The APIv2 key, when given.</param>
/// <param name="MerchantKey">The merchant private key (RSA or SM2), when APIv3 is configured: it opens sensitive response fields.</param>
/// <param name="PlatformKeys">The platform's keys by serial, when APIv3 is configured: they seal sensitive request fields.</param>
/// <param name="Renewer">The certificate renewer, when <see cref="BuilderOptions.AutoRenewCertificates"/> is on.</param>
internal sealed record Identity(string Mchid, SignatureCheck? Check, string? ApiV3Key, string? Secret, SigningKey? MerchantKey, IReadOnlyDictionary<string, PlatformKey>? PlatformKeys, CertificateRenewer? Renewer)
{
    /// <summary>
    /// The key to seal sensitive fields with, and its serial: the one <paramref name="serial"/> names; else, among the
    /// keys of the merchant's own algorithm (SM2 for a 国密 merchant, RSA otherwise), the WeChat Pay public key, else
    /// the first platform certificate by serial; else any key, in the same order.
    /// </summary>
    public (string Serial, PlatformKey Key) SealingKey(string? serial)
    {
        var keys = PlatformKeys ?? throw new InvalidOperationException("Sensitive fields are encrypted with the platform's key: set Serial, PrivateKey and Certs in BuilderOptions.");
        if (serial is not null)
        {
            return keys.TryGetValue(serial, out var named)
                ? (serial, named)
                : throw new ArgumentException($"Header Wechatpay-Serial ({Describe.Value(serial)}) names no configured key; the known serials are {string.Join(", ", keys.Keys.Order(StringComparer.Ordinal))}.", "headers");
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException("Sensitive fields are encrypted with the platform's key, and none is known yet: add one to Certs, or let certificate renewal download them first.");
        }

        var sm2 = MerchantKey?.Sm2 is not null;
        var chosen = keys
            .OrderBy(k => (k.Value.Sm2 is not null) == sm2 ? 0 : 1)
            .ThenBy(k => k.Key.StartsWith("PUB_KEY_ID_", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .First();
        return (chosen.Key, chosen.Value);
    }

    /// <summary>Names the merchant and what is configured; a record would print every key.</summary>
    public override string ToString() =>
        $"Identity {{ Mchid = {Mchid}, APIv3 = {(Check is null ? "no" : "yes")}, ApiV3Key = {(ApiV3Key is null ? "(none)" : "(set)")}, Secret = {(Secret is null ? "(none)" : "(set)")} }}";
}
