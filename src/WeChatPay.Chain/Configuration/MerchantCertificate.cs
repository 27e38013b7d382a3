using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WeChatPay.Chain;

/// <summary>
/// The merchant API certificate (商户API证书) that APIv2 <c>secapi/…</c> calls present on the TLS connection:
/// <c>apiclient_cert.p12</c> (its password defaults to the merchant id), a PEM pair
/// (<c>apiclient_cert.pem</c> + <c>apiclient_key.pem</c>), or a loaded certificate with its key. It is loaded once,
/// by <see cref="Builder.Factory"/>. Its <see cref="ToString"/> never shows the password.
/// </summary>
[System.ComponentModel.TypeConverter(typeof(MerchantCertificateConverter))]
public sealed class MerchantCertificate
{
    private readonly string? _p12;
    private readonly string? _password;
    private readonly string? _certificatePem;
    private readonly string? _keyPem;
    private readonly X509Certificate2? _loaded;

    /// <summary>From <c>apiclient_cert.p12</c>.</summary>
    /// <param name="p12">A <c>file://</c> path or plain path to the PKCS#12 file.</param>
    /// <param name="password">Its password; the merchant id when <see langword="null"/>, as WeChat Pay issues it.</param>
    public MerchantCertificate(string p12, string? password = null)
    {
        _p12 = p12 ?? throw new ArgumentNullException(nameof(p12));
        _password = password;
    }

    private MerchantCertificate(string? certificatePem, string? keyPem, X509Certificate2? loaded)
    {
        _certificatePem = certificatePem;
        _keyPem = keyPem;
        _loaded = loaded;
    }

    /// <summary>From the PEM pair <c>apiclient_cert.pem</c> and <c>apiclient_key.pem</c>.</summary>
    /// <param name="certificate">The certificate: PEM text or a <c>file://</c> path.</param>
    /// <param name="privateKey">Its private key: PEM text or a <c>file://</c> path.</param>
    public static MerchantCertificate FromPem(string certificate, string privateKey) =>
        new(certificate ?? throw new ArgumentNullException(nameof(certificate)), privateKey ?? throw new ArgumentNullException(nameof(privateKey)), null);

    /// <summary>A certificate already loaded, which must carry its private key.</summary>
    /// <param name="certificate">The certificate.</param>
    public static MerchantCertificate FromCertificate(X509Certificate2 certificate) =>
        new(null, null, certificate ?? throw new ArgumentNullException(nameof(certificate)));

    /// <summary>
    /// Which form it comes in, with a file's path when it is plausibly one; never a password or key, and never text
    /// that might be one (PEM text or a key given as the path is described, not shown).
    /// </summary>
    public override string ToString() => this switch
    {
        { _p12: { } path } => Describe.Path(path) is var shown && shown == path ? $"PKCS#12 {path}" : $"PKCS#12 file named by {shown}",
        { _loaded: { } c } => $"certificate {c.Subject}",
        _ => $"PEM pair: certificate {KeySource.Text(_certificatePem!)}, key {KeySource.Text(_keyPem!)}",
    };

    /// <summary>The form alone, without a path, for <see cref="BuilderOptions.ToString"/>.</summary>
    internal string Kind => this switch
    {
        { _p12: not null, _password: not null } => "PKCS#12 file with a password",
        { _p12: not null } => "PKCS#12 file",
        { _loaded: not null } => "certificate",
        _ => "PEM pair",
    };

    internal X509Certificate2 Load(string mchid)
    {
        var certificate = _loaded ?? (_p12 is not null ? LoadPkcs12(_p12, _password ?? mchid) : LoadPem());
        if (!certificate.HasPrivateKey)
        {
            throw new CryptographicException("The merchant certificate carries no private key; TLS client authentication needs it.");
        }

        return certificate;
    }

    private X509Certificate2 LoadPem()
    {
        var certificate = X509Certificate2.CreateFromPem(Crypto.Rsa.Read(_certificatePem!), Crypto.Rsa.Read(_keyPem!));

        // A key held only in memory cannot be handed to TLS on every platform; a PKCS#12 round trip makes it usable.
        using (certificate)
        {
#if NET9_0_OR_GREATER
            // The bytes never leave memory and carry no password: one KDF round instead of thousands saves ~40 ms a load.
            return Pkcs12(certificate.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1), null), null);
#else
            return Pkcs12(certificate.Export(X509ContentType.Pkcs12), null);
#endif
        }
    }

    private static X509Certificate2 LoadPkcs12(string reference, string password)
    {
        var path = reference.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Crypto.Rsa.LocalPath(reference) : reference;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Crypto.Rsa.CannotRead(reference, path, e);
        }

        return Pkcs12(bytes, password);
    }

    private static X509Certificate2 Pkcs12(byte[] bytes, string? password)
    {
#if NET9_0_OR_GREATER
        return X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
#else
        return new X509Certificate2(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
#endif
    }
}
