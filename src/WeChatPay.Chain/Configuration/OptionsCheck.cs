namespace WeChatPay.Chain;

/// <summary>
/// Every check of <see cref="BuilderOptions"/> that needs no key loaded, run first so a wrong value costs nothing to
/// find. Each failure is an <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the
/// option; no message quotes key material.
/// </summary>
internal static class OptionsCheck
{
    /// <summary>The values the rest of the composition uses, trimmed and checked.</summary>
    /// <param name="Mchid">The merchant id's digits.</param>
    /// <param name="Serial">The merchant certificate serial, upper-case hex, when APIv3 is configured.</param>
    /// <param name="Hosts">Where calls may go.</param>
    internal sealed record Checked(string Mchid, string? Serial, HostPolicy Hosts);

    public static Checked Run(BuilderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mchid = Required(options.Mchid, nameof(options.Mchid), "every call");
        if (!mchid.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Mchid must be the merchant id's digits; got {Describe.Value(mchid)}.", nameof(options.Mchid));
        }

        var hosts = new HostPolicy(options.BaseUri ?? BuilderOptions.DefaultBaseUri, options.AllowedHosts);
        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"Timeout must be positive; got {timeout}.", nameof(options.Timeout));
        }

        if (options.MaxResponseSize is <= 0)
        {
            throw new ArgumentException($"MaxResponseSize must be a positive number of bytes; got {options.MaxResponseSize}.", nameof(options.MaxResponseSize));
        }

        if (!WantsV3(options) && options.Secret is null)
        {
            throw new ArgumentException(
                "Nothing to sign with: set Serial, PrivateKey and Certs for APIv3, or Secret (the APIv2 key) for APIv2, or both.",
                nameof(options.PrivateKey));
        }

        if (options.ApiV3Key is { } apiV3Key && (apiV3Key.Length != 32 || !apiV3Key.All(char.IsAscii)))
        {
            throw new ArgumentException($"ApiV3Key must be the 32-character APIv3 key (ASCII); got {Describe.Value(apiV3Key)}.", nameof(options.ApiV3Key));
        }

        if (options.Secret is { } secret && (secret.Length != 32 || !secret.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException($"Secret must be the 32-character APIv2 key (letters and digits); got {Describe.Value(secret)}.", nameof(options.Secret));
        }

        if (options.Merchant is not null && options.Secret is null)
        {
            throw new ArgumentException("Merchant (the certificate for APIv2 secapi calls) needs Secret, the APIv2 key, to sign those calls.", nameof(options.Secret));
        }

        NotAKey(options, mchid, nameof(options.Mchid));
        return new Checked(mchid, WantsV3(options) ? Serial(options) : null, hosts);
    }

    /// <summary>Whether any APIv3 option is set: then all of them must be.</summary>
    public static bool WantsV3(BuilderOptions options) => options.Serial is not null || options.PrivateKey is not null || options.Certs.Count > 0;

    /// <summary>The renewal interval, when certificates renew themselves.</summary>
    public static TimeSpan RenewalInterval(BuilderOptions options)
    {
        var interval = options.CertificateRenewalInterval ?? TimeSpan.FromHours(12);
        return interval >= TimeSpan.FromMinutes(1)
            ? interval
            : throw new ArgumentException($"CertificateRenewalInterval must be at least a minute; got {interval}.", nameof(options.CertificateRenewalInterval));
    }

    /// <summary>The APIv3 key that renewal decrypts downloads with.</summary>
    public static string RenewalKey(BuilderOptions options) =>
        options.ApiV3Key ?? throw new ArgumentException("AutoRenewCertificates downloads certificates encrypted with the APIv3 key: set ApiV3Key.", nameof(options.ApiV3Key));

    public static ArgumentException Missing(string name, string forWhat) => new($"{name} is required for {forWhat}.", name);

    private static string Serial(BuilderOptions options)
    {
        var serial = Required(options.Serial, nameof(options.Serial), "APIv3");
        if (!serial.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"Serial must be the merchant API certificate serial in hex; got {Describe.Value(serial)}.", nameof(options.Serial));
        }

        NotAKey(options, serial, nameof(options.Serial));
        foreach (var name in options.Certs.Keys)
        {
            NotAKey(options, name, nameof(options.Certs));
        }

        return serial.ToUpperInvariant();
    }

    /// <summary>
    /// Refuses an APIv2 or APIv3 key given in an option that goes on the wire or into messages (Serial is sent in every
    /// Authorization header): the mistake is named, the key is not.
    /// </summary>
    private static void NotAKey(BuilderOptions options, string value, string option)
    {
        var given = value.Trim();
        if (options.ApiV3Key is { Length: > 0 } apiV3Key && given.Equals(apiV3Key.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{option} holds the same text as ApiV3Key: the APIv3 key belongs in ApiV3Key only.", option);
        }

        if (options.Secret is { Length: > 0 } secret && given.Equals(secret.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{option} holds the same text as Secret: the APIv2 key belongs in Secret only.", option);
        }
    }

    private static string Required(string? value, string name, string forWhat) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(name, forWhat) : value.Trim();
}
