using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeChatPay.Chain.Hosting.Http;

namespace WeChatPay.Chain.Hosting.Composition;

/// <summary>
/// The merchants of one service provider: each one's chain root, built once from its configuration when first asked
/// for, its HTTP clients from <c>IHttpClientFactory</c>, its logs from the host's logger factory.
/// </summary>
internal sealed class Merchants(IOptionsMonitor<WeChatPayOptions> options, IHttpMessageHandlerFactory handlers, ILoggerFactory? loggers = null, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, Lazy<IChainNode>> _roots = new(StringComparer.Ordinal);

    /// <summary>The chain root of merchant <paramref name="name"/> (<see cref="Options.DefaultName"/> for the unnamed one).</summary>
    public IChainNode Get(string name) =>
        _roots.GetOrAdd(name, n => new Lazy<IChainNode>(() => Builder.Factory(BuilderOptionsFor(n)))).Value;

    /// <summary>The core options of merchant <paramref name="name"/>, with its clients routed through <c>IHttpClientFactory</c>.</summary>
    public BuilderOptions BuilderOptionsFor(string name)
    {
        var built = Map(options.Get(name));
        built.LoggerFactory ??= loggers;
        built.TimeProvider ??= time;
        built.HttpMessageHandlerFactory = kind => new FactoryHandler(handlers, ClientNames.For(name, kind));
        return built;
    }

    /// <summary>The configuration's values as the core's options; applies <see cref="WeChatPayOptions.Configure"/> last.</summary>
    public static BuilderOptions Map(WeChatPayOptions given)
    {
        var built = new BuilderOptions
        {
            Mchid = given.Mchid,
            Serial = given.Serial,
            PrivateKey = given.PrivateKey is { } privateKey ? KeySource.FromString(privateKey) : null,
            ApiV3Key = given.ApiV3Key,
            Secret = given.Secret,
            AutoRenewCertificates = given.AutoRenewCertificates,
            CertificateRenewalInterval = given.CertificateRenewalInterval,
            BaseUri = given.BaseUri,
            Timeout = given.Timeout,
            MaxResponseSize = given.MaxResponseSize,
            LogBodies = given.LogBodies,
        };
        foreach (var (id, key) in given.Certs)
        {
            built.Certs[id] = key;
        }

        foreach (var host in given.AllowedHosts)
        {
            built.AllowedHosts.Add(host);
        }

        var merchant = given.Merchant;
        if (merchant.IsSet)
        {
            built.Merchant = merchant.P12 is { } p12
                ? new MerchantCertificate(p12, merchant.Password)
                : MerchantCertificate.FromPem(
                    merchant.Certificate ?? throw new ArgumentException("Merchant:Certificate is required with Merchant:PrivateKey (or give Merchant:P12).", "Merchant"),
                    merchant.PrivateKey ?? throw new ArgumentException("Merchant:PrivateKey is required with Merchant:Certificate (or give Merchant:P12).", "Merchant"));
        }

        if (given.TrustedRoots.Count > 0)
        {
            built.TrustedRoots = [.. given.TrustedRoots.Select((root, i) => Root(root, i))];
        }

        given.Configure?.Invoke(built);
        return built;
    }

    private static X509Certificate2 Root(string pemOrFile, int index)
    {
        try
        {
            var pem = pemOrFile.StartsWith("file://", StringComparison.Ordinal) ? File.ReadAllText(pemOrFile["file://".Length..]) : pemOrFile;
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            throw new ArgumentException($"TrustedRoots entry {index} is not a PEM certificate or a file:// path to one.", "TrustedRoots", e);
        }
    }
}
