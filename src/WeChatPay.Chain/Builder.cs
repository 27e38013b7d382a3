using System.Security.Cryptography;
using Flurl.Http;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>Builds the chain: <c>dynamic wx = Builder.Factory(new BuilderOptions { … });</c></summary>
public static class Builder
{
    /// <summary>
    /// Checks the options, loads every key once, and returns the root of the chain. Every configuration error is raised
    /// here as an <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the option; no
    /// message ever quotes key material.
    /// </summary>
    /// <param name="options">The merchant's identity, keys, and transport settings.</param>
    /// <returns>The root node; use it as <c>dynamic</c> or through <see cref="IChainNode"/>.</returns>
    public static IChainNode Factory(BuilderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mchid = Required(options.Mchid, nameof(options.Mchid));
        if (!mchid.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Mchid must be the merchant id's digits; got \"{mchid}\".", nameof(options.Mchid));
        }

        var serial = Required(options.Serial, nameof(options.Serial)).ToUpperInvariant();
        if (!serial.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"Serial must be the merchant API certificate serial in hex; got \"{serial}\".", nameof(options.Serial));
        }

        var privateKey = PrivateKey(options.PrivateKey ?? throw Missing(nameof(options.PrivateKey)));
        var keys = PlatformKeys(options.Certs);
        var baseUri = options.BaseUri ?? BuilderOptions.DefaultBaseUri;
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"BaseUri must be an absolute http(s) URI; got {baseUri}.", nameof(options.BaseUri));
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"Timeout must be positive; got {timeout}.", nameof(options.Timeout));
        }

        var time = options.TimeProvider ?? TimeProvider.System;
        var pipeline = new InterceptorPipeline(new V3Signer(mchid, serial, privateKey, time), new V3Verifier(keys, time));
        options.Pipeline?.Invoke(pipeline);
        return new ChainNode(new Client(Flurl(options, pipeline), baseUri), PathTemplate.Root);
    }

    private static IFlurlClient Flurl(BuilderOptions options, InterceptorPipeline pipeline)
    {
        var handler = options.HttpMessageHandler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        var client = new FlurlClient(new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
        client.Settings.AllowedHttpStatusRange = "*";
        client.Settings.Redirects.Enabled = false;
        if (options.Timeout is { } timeout)
        {
            client.Settings.Timeout = timeout;
        }

        client.Headers.Add("Accept", "application/json");
        client.Headers.Add("User-Agent", UserAgent.Value);
        options.FlurlSettings?.Invoke(client.Settings);
        var events = new PipelineEvents(pipeline);
        client.EventHandlers.Add((FlurlEventType.BeforeCall, events));
        client.EventHandlers.Add((FlurlEventType.AfterCall, events));
        return client;
    }

    private static RSA PrivateKey(KeySource source)
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

    private static Dictionary<string, RSA> PlatformKeys(IDictionary<string, KeySource> certs)
    {
        if (certs.Count == 0)
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

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(name) : value.Trim();

    private static ArgumentException Missing(string name) => new($"{name} is required for APIv3 calls.", name);
}
