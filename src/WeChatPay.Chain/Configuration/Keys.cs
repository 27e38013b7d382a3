using System.Security.Cryptography;

namespace WeChatPay.Chain;

/// <summary>Loads the APIv3 keys once, at <see cref="Builder.Factory"/>, checking each and naming the option that is wrong.</summary>
internal static class Keys
{
    public static RSA Private(KeySource source)
    {
        RSA key;
        try
        {
            key = source.LoadPrivate();
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"PrivateKey ({source}) could not be loaded: {e.Message}", nameof(BuilderOptions.PrivateKey), e);
        }

        if (key.KeySize < 2048)
        {
            throw new ArgumentException($"PrivateKey is a {key.KeySize}-bit RSA key; WeChat Pay requires at least 2048 bits.", nameof(BuilderOptions.PrivateKey));
        }

        try
        {
            // A public key passed by mistake loads fine and fails only at the first call: find out now.
            key.SignData([], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"PrivateKey ({source}) cannot sign: it is not a private key.", nameof(BuilderOptions.PrivateKey), e);
        }

        return key;
    }

    public static Dictionary<string, RSA> Platform(IDictionary<string, KeySource> certs, bool allowEmpty = false)
    {
        if (certs.Count == 0 && !allowEmpty)
        {
            throw new ArgumentException(
                "Certs is empty, so no response could be verified: add the WeChat Pay public key by its PUB_KEY_ID_… id, or platform certificates by serial.",
                nameof(BuilderOptions.Certs));
        }

        var keys = new Dictionary<string, RSA>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, source) in certs)
        {
            var name = $"Certs[\"{id}\"]";
            var isPublicKeyId = id.StartsWith("PUB_KEY_ID_", StringComparison.Ordinal) && id.Length > 11 && id[11..].All(char.IsAsciiDigit);
            if (!isPublicKeyId && (id.Length == 0 || !id.All(char.IsAsciiHexDigit)))
            {
                throw new ArgumentException($"{name}: a key is named by a platform certificate serial (hex) or a WeChat Pay public key id (PUB_KEY_ID_ and digits).", nameof(BuilderOptions.Certs));
            }

            if (source is null)
            {
                throw new ArgumentException($"{name} has no key.", nameof(BuilderOptions.Certs));
            }

            try
            {
                var certificate = source.LoadCertificate();
                if (certificate is not null && !isPublicKeyId && !certificate.SerialNumber.Equals(id, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"{name} holds the certificate with serial {certificate.SerialNumber}, not {id}.", nameof(BuilderOptions.Certs));
                }

                if (!keys.TryAdd(id, source.LoadPublic()))
                {
                    throw new ArgumentException($"{name} is given twice.", nameof(BuilderOptions.Certs));
                }
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException($"{name} ({source}) could not be loaded: {e.Message}", nameof(BuilderOptions.Certs), e);
            }
        }

        return keys;
    }
}
