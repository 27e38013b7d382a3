using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain;

/// <summary>
/// Where a key comes from: PEM text, a <c>file://</c> path, a loaded <see cref="RSA"/> or SM2 key, or a certificate.
/// Strings and keys convert to it implicitly, so options read <c>PrivateKey = "file:///path/apiclient_key.pem"</c>.
/// An SM2 (国密) key is told from an RSA one by what the PEM holds. Its <see cref="ToString"/> names the kind of
/// source, never its content.
/// </summary>
[System.ComponentModel.TypeConverter(typeof(KeySourceConverter))]
public sealed class KeySource
{
    private readonly string? _text;
    private readonly RSA? _rsa;
    private readonly X509Certificate2? _certificate;
    private readonly Sm2PrivateKey? _sm2Private;
    private readonly Sm2PublicKey? _sm2Public;

    private KeySource(string? text, RSA? rsa, X509Certificate2? certificate, Sm2PrivateKey? sm2Private = null, Sm2PublicKey? sm2Public = null)
    {
        _text = text;
        _rsa = rsa;
        _certificate = certificate;
        _sm2Private = sm2Private;
        _sm2Public = sm2Public;
    }

    /// <summary>PEM text or a <c>file://</c> path.</summary>
    /// <param name="pemOrFile">The PEM text, or <c>file://</c> followed by a path.</param>
    public static implicit operator KeySource(string pemOrFile) => new(pemOrFile ?? throw new ArgumentNullException(nameof(pemOrFile)), null, null);

    /// <summary>A key already loaded; it is used as is and not disposed by this library.</summary>
    /// <param name="key">The key.</param>
    public static implicit operator KeySource(RSA key) => new(null, key ?? throw new ArgumentNullException(nameof(key)), null);

    /// <summary>A certificate already loaded (its public key is used).</summary>
    /// <param name="certificate">The certificate.</param>
    public static implicit operator KeySource(X509Certificate2 certificate) =>
        new(null, null, certificate ?? throw new ArgumentNullException(nameof(certificate)));

    /// <summary>An SM2 private key already loaded (<see cref="Sm2.LoadPrivateKey"/>): the merchant signs with SM3withSM2.</summary>
    /// <param name="key">The key.</param>
    public static implicit operator KeySource(Sm2PrivateKey key) => new(null, null, null, sm2Private: key ?? throw new ArgumentNullException(nameof(key)));

    /// <summary>An SM2 public key already loaded (<see cref="Sm2.LoadPublicKey"/>): a platform key that verifies SM3withSM2.</summary>
    /// <param name="key">The key.</param>
    public static implicit operator KeySource(Sm2PublicKey key) => new(null, null, null, sm2Public: key ?? throw new ArgumentNullException(nameof(key)));

    /// <summary>An SM2 private key already loaded.</summary>
    /// <param name="key">The key.</param>
    public static KeySource FromSm2(Sm2PrivateKey key) => key;

    /// <summary>An SM2 public key already loaded.</summary>
    /// <param name="key">The key.</param>
    public static KeySource FromSm2(Sm2PublicKey key) => key;

    /// <summary>PEM text or a <c>file://</c> path.</summary>
    /// <param name="pemOrFile">The PEM text, or <c>file://</c> followed by a path.</param>
    public static KeySource FromString(string pemOrFile) => pemOrFile;

    /// <summary>A key already loaded.</summary>
    /// <param name="key">The key.</param>
    public static KeySource FromRsa(RSA key) => key;

    /// <summary>A certificate already loaded.</summary>
    /// <param name="certificate">The certificate.</param>
    public static KeySource FromCertificate(X509Certificate2 certificate) => certificate;

    /// <summary>The certificate, when this source is one; else <see langword="null"/>.</summary>
    internal X509Certificate2? Certificate => _certificate;

    /// <summary>
    /// What kind of source this is: "RSA key", "certificate" and its serial, "PEM text" and its label, or a
    /// <c>file://</c> reference when it is plausibly a path. Never the key, and never text that might be one: a
    /// reference that holds PEM text or a key by mistake is described, not shown.
    /// </summary>
    public override string ToString() => this switch
    {
        { _rsa: not null } => "RSA key",
        { _sm2Private: { } k } => k.ToString(),
        { _sm2Public: { } k } => k.ToString(),
        { _certificate: { } c } => $"certificate {c.SerialNumber}",
        _ => Text(_text!),
    };

    /// <summary>The kind alone, without a path or serial, for <see cref="BuilderOptions.ToString"/>.</summary>
    internal string Kind => this switch
    {
        { _rsa: not null } => "RSA key",
        { _sm2Private: not null } or { _sm2Public: not null } => "SM2 key",
        { _certificate: not null } => "certificate",
        { _text: { } t } when t.StartsWith("file://", StringComparison.OrdinalIgnoreCase) => "file",
        { _text: { } t } when Describe.PemLabel(t) is { } label => $"PEM text ({label})",
        _ => "text that is not PEM",
    };

    /// <summary>How PEM text or a <c>file://</c> reference is named in messages: its kind, or the reference when it is plausibly a path.</summary>
    internal static string Text(string pemOrFile) =>
        pemOrFile.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Describe.FileReference(pemOrFile)
        : Describe.PemLabel(pemOrFile) is { } label ? $"PEM text ({label})"
        : LooksLikePath(pemOrFile) ? $"{Describe.Path(pemOrFile)}, read as PEM text: a path needs file:// before it (file://{(Describe.WhyNotAPath(pemOrFile) is null ? pemOrFile : "/path/to/key.pem")})"
        : $"text that is not PEM: {Describe.Value(pemOrFile)}";

    /// <summary>
    /// Whether text given as PEM was more likely meant as a path: one line, rooted, relative or home-based, or ending
    /// in a key file's extension. Such text is read as PEM (a path is only read after <c>file://</c>), so the
    /// message says how to write it.
    /// </summary>
    private static bool LooksLikePath(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length is 0 or > 4096 || t.ContainsAny('\n', '\r'))
        {
            return false;
        }

        return t[0] is '/' or '~' or '.'
            || (t.Length > 2 && char.IsAsciiLetter(t[0]) && t[1] == ':' && t[2] is '\\' or '/')
            || t.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".key", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith(".crt", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".cer", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The merchant's signing key: SM2 when the source is or holds one, RSA otherwise.</summary>
    internal SigningKey LoadSigning()
    {
        if (_sm2Private is not null)
        {
            return SigningKey.Of(_sm2Private);
        }

        if (_sm2Public is not null)
        {
            throw new CryptographicException("It is an SM2 public key, which cannot sign: give the merchant's SM2 private key.");
        }

        return _text is not null && Crypto.PemKeys.IsEcKey(Crypto.Rsa.Read(_text)) ? SigningKey.Of(Sm2.LoadPrivateKey(_text)) : SigningKey.Of(LoadPrivate());
    }

    /// <summary>A platform key: SM2 when the source is or holds one (a key or a certificate), RSA otherwise.</summary>
    internal Pipeline.PlatformKey LoadPlatform()
    {
        if (_sm2Public is not null || _sm2Private is not null)
        {
            return new(null, _sm2Public ?? throw new CryptographicException("Expected a certificate or public key, found an SM2 private key; a private key never belongs here."));
        }

        if (_certificate is not null && _certificate.GetRSAPublicKey() is null && Crypto.PemKeys.IsEcKey(_certificate.ExportCertificatePem()))
        {
            return new(null, Sm2.LoadPublicKey(_certificate.ExportCertificatePem()));
        }

        return _text is not null && Crypto.PemKeys.IsEcKey(Crypto.Rsa.Read(_text)) ? new(null, Sm2.LoadPublicKey(_text)) : new(LoadPublic(), null);
    }

    internal RSA LoadPrivate()
    {
        if (_certificate is not null)
        {
            return _certificate.GetRSAPrivateKey() ?? throw new CryptographicException("The certificate carries no RSA private key.");
        }

        return _rsa ?? Crypto.Rsa.LoadPrivateKey(_text!);
    }

    internal RSA LoadPublic()
    {
        if (_certificate is not null)
        {
            return _certificate.GetRSAPublicKey() ?? throw new CryptographicException("The certificate does not hold an RSA key.");
        }

        return _rsa ?? Crypto.Rsa.LoadPublicKey(_text!);
    }

    /// <summary>The certificate this source holds or names in PEM, so its serial can be checked; else <see langword="null"/>.</summary>
    internal X509Certificate2? LoadCertificate()
    {
        if (_certificate is not null)
        {
            return _certificate;
        }

        if (_text is null)
        {
            return null;
        }

        var pem = Crypto.Rsa.Read(_text);
        return pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal) ? X509Certificate2.CreateFromPem(pem) : null;
    }
}
