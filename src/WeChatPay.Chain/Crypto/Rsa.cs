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

    /// <summary>
    /// Loads a key from any form the PHP SDK's <c>Rsa::from</c> takes: PEM text (private key, public key or
    /// certificate), a <c>file://</c> path to one, or base64 DER as <c>private.pkcs1://…</c>, <c>private.pkcs8://…</c>,
    /// <c>public.pkcs1://…</c> or <c>public.spki://…</c>.
    /// </summary>
    /// <param name="source">The key.</param>
    /// <exception cref="CryptographicException">It holds no RSA key of the kind it names.</exception>
    public static RSA From(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var at = source.IndexOf("://", StringComparison.Ordinal);
        var scheme = at > 0 ? source[..at] : null;
        if (scheme is "private.pkcs1" or "private.pkcs8" or "public.pkcs1" or "public.spki")
        {
            var der = new byte[source.Length];
            if (!Convert.TryFromBase64String(source[(at + 3)..], der, out var length))
            {
                throw new CryptographicException($"A {scheme}:// key is base64 DER; this is not base64.");
            }

            var rsa = RSA.Create();
            try
            {
                var bytes = der.AsSpan(0, length);
                switch (scheme)
                {
                    case "private.pkcs1": rsa.ImportRSAPrivateKey(bytes, out _); break;
                    case "private.pkcs8": rsa.ImportPkcs8PrivateKey(bytes, out _); break;
                    case "public.pkcs1": rsa.ImportRSAPublicKey(bytes, out _); break;
                    default: rsa.ImportSubjectPublicKeyInfo(bytes, out _); break;
                }

                return rsa;
            }
            catch
            {
                rsa.Dispose();
                throw;
            }
        }

        var pem = Read(source);
        return pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal) ? LoadPrivateKey(pem) : LoadPublicKey(pem);
    }

    /// <summary>
    /// Encrypts a sensitive field (name, id number, phone) for the platform: RSA OAEP with SHA-1 and MGF1-SHA1, base64.
    /// PKCS#1 v1.5 encryption is not offered (Bleichenbacher's attack); both WeChat Pay SDKs removed it too.
    /// </summary>
    /// <param name="plaintext">The field's value.</param>
    /// <param name="publicKey">The platform certificate's or the WeChat Pay public key.</param>
    public static string Encrypt(string plaintext, RSA publicKey) =>
        Convert.ToBase64String(publicKey.Encrypt(Encoding.UTF8.GetBytes(plaintext), RSAEncryptionPadding.OaepSHA1));

    /// <summary>Refuses every padding but OAEP SHA-1, naming why; exists so a port of <c>encrypt($text, $key, $padding)</c> fails loudly.</summary>
    /// <param name="plaintext">The field's value.</param>
    /// <param name="publicKey">The platform's key.</param>
    /// <param name="padding">Must be <see cref="RSAEncryptionPadding.OaepSHA1"/>.</param>
    /// <exception cref="NotSupportedException">Any other padding.</exception>
    public static string Encrypt(string plaintext, RSA publicKey, RSAEncryptionPadding padding) =>
        padding == RSAEncryptionPadding.OaepSHA1
            ? Encrypt(plaintext, publicKey)
            : throw new NotSupportedException($"RSA encryption with {padding} is refused: WeChat Pay uses OAEP with SHA-1, and PKCS#1 v1.5 encryption is open to Bleichenbacher's attack.");

    /// <summary>Decrypts a sensitive field the platform encrypted to the merchant key (OAEP SHA-1, base64).</summary>
    /// <param name="ciphertext">The base64 field.</param>
    /// <param name="privateKey">The merchant private key.</param>
    /// <exception cref="CryptographicException">It does not decrypt with this key.</exception>
    public static string Decrypt(string ciphertext, RSA privateKey) =>
        Encoding.UTF8.GetString(privateKey.Decrypt(Convert.FromBase64String(ciphertext), RSAEncryptionPadding.OaepSHA1));

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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CannotRead(pemOrFile, path, e);
        }
    }

    /// <summary>
    /// Why a referenced file could not be read. The I/O error's message quotes the path, so it is passed on only when
    /// the path is plausibly one: a "path" may be PEM text or a key given after <c>file://</c> by mistake.
    /// </summary>
    internal static CryptographicException CannotRead(string reference, string path, Exception e) =>
        Describe.WhyNotAPath(reference) is null && Describe.WhyNotAPath(path) is null
            ? new CryptographicException($"Cannot read {path}: {e.Message}", e)
            : new CryptographicException($"Cannot read the file named by {Describe.Path(reference)}: {Describe.IoFailure(e)}.");

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
