using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// RSA as WeChat Pay uses it: keys from PEM text or <c>file://</c> paths, and PKCS#1 v1.5 SHA-256 signatures in base64.
/// Everything runs on <see cref="System.Security.Cryptography"/>; keys are meant to be loaded once and shared.
/// </summary>
public static class Rsa
{
    /// <summary>Loads a private key: PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>) or PKCS#8 (<c>BEGIN PRIVATE KEY</c>) PEM text, or <c>file://</c> path to one.</summary>
    /// <param name="pemOrFile">PEM text or a <c>file://</c> path.</param>
    /// <exception cref="CryptographicException">The text holds no usable RSA private key. The message never quotes the key.</exception>
    public static RSA LoadPrivateKey(string pemOrFile)
    {
        var pem = Read(pemOrFile);
        if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal) || pem.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            throw new CryptographicException("The private key is encrypted; give the unencrypted apiclient_key.pem (PKCS#1 or PKCS#8).");
        }

        if (!pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new CryptographicException("No PEM private key found: expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.");
        }

        return Import(pem);
    }

    /// <summary>
    /// Loads a public key: an X.509 certificate (<c>BEGIN CERTIFICATE</c>), SPKI (<c>BEGIN PUBLIC KEY</c>, as WeChat Pay
    /// public keys come) or PKCS#1 (<c>BEGIN RSA PUBLIC KEY</c>) PEM text, or a <c>file://</c> path to one.
    /// </summary>
    /// <param name="pemOrFile">PEM text or a <c>file://</c> path.</param>
    /// <exception cref="CryptographicException">The text holds no RSA public key or certificate.</exception>
    public static RSA LoadPublicKey(string pemOrFile)
    {
        var pem = Read(pemOrFile);
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new CryptographicException("Expected a certificate or public key, found a private key; a private key never belongs here.");
        }

        if (pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return certificate.GetRSAPublicKey() ?? throw new CryptographicException("The certificate does not hold an RSA key.");
        }

        if (!pem.Contains("PUBLIC KEY-----", StringComparison.Ordinal))
        {
            throw new CryptographicException("No PEM certificate or public key found: expected -----BEGIN CERTIFICATE----- or -----BEGIN PUBLIC KEY-----.");
        }

        return Import(pem);
    }

    /// <summary>Signs UTF-8 <paramref name="message"/> with SHA-256 and PKCS#1 v1.5; returns base64.</summary>
    /// <param name="message">The message to sign.</param>
    /// <param name="privateKey">The merchant private key.</param>
    public static string Sign(string message, RSA privateKey)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        return Convert.ToBase64String(privateKey.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>Verifies a base64 SHA-256 PKCS#1 v1.5 signature over UTF-8 <paramref name="message"/>.</summary>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The base64 signature; malformed base64 does not verify.</param>
    /// <param name="publicKey">The signer's public key.</param>
    public static bool Verify(string message, string signature, RSA publicKey) =>
        Verify(Encoding.UTF8.GetBytes(message), signature, publicKey);

    /// <summary>Verifies a base64 SHA-256 PKCS#1 v1.5 signature over raw <paramref name="message"/> bytes.</summary>
    /// <param name="message">The signed bytes.</param>
    /// <param name="signature">The base64 signature; malformed base64 does not verify.</param>
    /// <param name="publicKey">The signer's public key.</param>
    public static bool Verify(ReadOnlySpan<byte> message, string signature, RSA publicKey)
    {
        Span<byte> raw = stackalloc byte[1024];
        return Convert.TryFromBase64String(signature, raw, out var length)
            && publicKey.VerifyData(message, raw[..length], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>PEM text as given, or the text of the file a <c>file://</c> reference names.</summary>
    internal static string Read(string pemOrFile)
    {
        ArgumentNullException.ThrowIfNull(pemOrFile);
        if (!pemOrFile.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return pemOrFile;
        }

        var path = LocalPath(pemOrFile);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CryptographicException($"Cannot read {path}: {e.Message}", e);
        }
    }

    /// <summary>The local path a <c>file://</c> reference names: <c>file:///abs/key.pem</c> → <c>/abs/key.pem</c>, <c>file://rel/key.pem</c> → <c>rel/key.pem</c>.</summary>
    internal static string LocalPath(string fileReference) =>
        Uri.TryCreate(fileReference, UriKind.Absolute, out var uri) && uri.IsFile && string.IsNullOrEmpty(uri.Host)
            ? uri.LocalPath
            : fileReference["file://".Length..];

    private static RSA Import(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new CryptographicException("The PEM text holds no RSA key this library can read (PKCS#1, PKCS#8 or SPKI).", e);
        }
    }
}
