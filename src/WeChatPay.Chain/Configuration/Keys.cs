using System.Security.Cryptography;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain;

/// <summary>Loads the APIv3 keys once, at <see cref="Builder.Factory"/>, checking each and naming the option that is wrong.</summary>
internal static class Keys
{
    /// <summary>The merchant's key, RSA or SM2 as the source holds; an SM2 key is private by construction.</summary>
    public static SigningKey Private(KeySource source)
    {
        SigningKey signing;
        try
        {
            signing = source.LoadSigning();
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"PrivateKey could not be loaded from {source}: {e.Message}", nameof(BuilderOptions.PrivateKey), e);
        }

        if (signing.Rsa is not { } key)
        {
            return signing;
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

        return signing;
    }

    /// <summary>The platform keys by name, RSA and SM2 side by side.</summary>
    public static Dictionary<string, Pipeline.PlatformKey> Platform(IDictionary<string, KeySource> certs, bool allowEmpty = false)
    {
        if (certs.Count == 0 && !allowEmpty)
        {
            throw new ArgumentException(
                "Certs is empty, so no response could be verified: add the WeChat Pay public key by its PUB_KEY_ID_… id, or platform certificates by serial.",
                nameof(BuilderOptions.Certs));
        }

        // An entry is named by its place, never by its name: a key put there by mistake would be quoted with it.
        var keys = new Dictionary<string, Pipeline.PlatformKey>(StringComparer.OrdinalIgnoreCase);
        var places = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var place = 0;
        foreach (var (id, source) in certs)
        {
            place++;
            var isPublicKeyId = id.StartsWith("PUB_KEY_ID_", StringComparison.Ordinal) && id.Length > 11 && id[11..].All(char.IsAsciiDigit);
            var entry = $"Certs entry {place} of {certs.Count}";
            if (!isPublicKeyId && (id.Length == 0 || !id.All(char.IsAsciiHexDigit)))
            {
                throw new ArgumentException(
                    $"{entry} is named by {Describe.Value(id)}; a key is named by a platform certificate serial (hex) or a WeChat Pay public key id (PUB_KEY_ID_ and digits).",
                    nameof(BuilderOptions.Certs));
            }

            entry += isPublicKeyId ? ", a PUB_KEY_ID_ id," : $", a {id.Length}-digit hex serial,";
            if (source is null)
            {
                throw new ArgumentException($"{entry} has no key.", nameof(BuilderOptions.Certs));
            }

            if (places.TryGetValue(id, out var first))
            {
                throw new ArgumentException($"{entry} names the same key as entry {first}: names are compared ignoring case.", nameof(BuilderOptions.Certs));
            }

            places.Add(id, place);
            try
            {
                var certificate = source.LoadCertificate();
                if (certificate is not null && !isPublicKeyId && !certificate.SerialNumber.Equals(id, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"{entry} holds the certificate with serial {certificate.SerialNumber}, not the serial it is named by.", nameof(BuilderOptions.Certs));
                }

                keys.Add(id, source.LoadPlatform());
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException($"{entry} could not be loaded from {source}: {e.Message}", nameof(BuilderOptions.Certs), e);
            }
        }

        return keys;
    }
}
