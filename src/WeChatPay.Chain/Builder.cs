using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Flurl.Http;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Transport;

namespace WeChatPay.Chain;

/// <summary>Builds the chain: <c>dynamic wx = Builder.Factory(new BuilderOptions { … });</c></summary>
public static class Builder
{
    /// <summary>
    /// Checks the options, loads every key once, and returns the root of the chain. APIv3 needs <c>Serial</c>,
    /// <c>PrivateKey</c> and <c>Certs</c>; APIv2 needs <c>Secret</c> (and <c>Merchant</c> for <c>security = true</c>);
    /// give either set or both. Every configuration error is raised here as an <see cref="ArgumentException"/> whose
    /// <see cref="ArgumentException.ParamName"/> is the option; no message ever quotes key material.
    /// </summary>
    /// <param name="options">The merchant's identity, keys, and transport settings.</param>
    /// <returns>The root node; use it as <c>dynamic</c> or through <see cref="IChainNode"/>.</returns>
    public static IChainNode Factory(BuilderOptions options)
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

        var wantsV3 = options.Serial is not null || options.PrivateKey is not null || options.Certs.Count > 0;
        if (!wantsV3 && options.Secret is null)
        {
            throw new ArgumentException(
                "Nothing to sign with: set Serial, PrivateKey and Certs for APIv3, or Secret (the APIv2 key) for APIv2, or both.",
                nameof(options.PrivateKey));
        }

        var time = options.TimeProvider ?? TimeProvider.System;
        IFlurlClient? v3 = null, v2 = null, v2Secure = null;
        SignatureCheck? check = null;
        SigningKey? merchantKey = null;
        PlatformKeyStore? platformKeys = null;
        CertificateRenewer? renewer = null;
        if (options.ApiV3Key is { } apiV3Key && (apiV3Key.Length != 32 || !apiV3Key.All(char.IsAscii)))
        {
            throw new ArgumentException($"ApiV3Key must be the 32-character APIv3 key (ASCII); got {Describe.Value(apiV3Key)}.", nameof(options.ApiV3Key));
        }

        // Checked before any key is loaded, so a wrong Secret costs nothing to find.
        if (options.Secret is { } givenSecret && (givenSecret.Length != 32 || !givenSecret.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException($"Secret must be the 32-character APIv2 key (letters and digits); got {Describe.Value(givenSecret)}.", nameof(options.Secret));
        }

        if (options.Merchant is not null && options.Secret is null)
        {
            throw new ArgumentException("Merchant (the certificate for APIv2 secapi calls) needs Secret, the APIv2 key, to sign those calls.", nameof(options.Secret));
        }

        NotAKey(options, mchid, nameof(options.Mchid));
        if (wantsV3)
        {
            var givenSerial = Required(options.Serial, nameof(options.Serial), "APIv3");
            if (!givenSerial.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException($"Serial must be the merchant API certificate serial in hex; got {Describe.Value(givenSerial)}.", nameof(options.Serial));
            }

            NotAKey(options, givenSerial, nameof(options.Serial));
            foreach (var name in options.Certs.Keys)
            {
                NotAKey(options, name, nameof(options.Certs));
            }

            var serial = givenSerial.ToUpperInvariant();
            platformKeys = new PlatformKeyStore(Keys.Platform(options.Certs, allowEmpty: options.AutoRenewCertificates));
            var privateKey = Keys.Private(options.PrivateKey ?? throw Missing(nameof(options.PrivateKey), "APIv3"));
            merchantKey = privateKey;
            check = new SignatureCheck(platformKeys, time);
            if (options.AutoRenewCertificates)
            {
                var interval = options.CertificateRenewalInterval ?? TimeSpan.FromHours(12);
                if (interval < TimeSpan.FromMinutes(1))
                {
                    throw new ArgumentException($"CertificateRenewalInterval must be at least a minute; got {interval}.", nameof(options.CertificateRenewalInterval));
                }

                renewer = new CertificateRenewer(platformKeys, options.ApiV3Key ?? throw new ArgumentException("AutoRenewCertificates downloads certificates encrypted with the APIv3 key: set ApiV3Key.", nameof(options.ApiV3Key)), privateKey.Sm2 is not null, time, interval);
            }

            v3 = Flurl(options, Handlers.For(options, null), Pipeline(options, "APIv3", new V3Signer(mchid, serial, privateKey, time), new V3Verifier(check, renewer)));
        }

        if (options.Secret is { } secret)
        {
            var pipeline = Pipeline(options, "APIv2", new V2Signer(mchid, secret), new V2Verifier(secret));
            v2 = Flurl(options, Handlers.For(options, null), pipeline);
            if (options.Merchant is { } merchant)
            {
                v2Secure = Flurl(options, Handlers.For(options, MerchantCertificate(merchant, mchid)), pipeline);
            }
        }

        var identity = new Identity(mchid, check, options.ApiV3Key, options.Secret, merchantKey, platformKeys, renewer);
        var client = new Client(hosts, identity, v3, v2, v2Secure, options.Timeout ?? BuilderOptions.DefaultTimeout, options.MaxResponseSize ?? BuilderOptions.DefaultMaxResponseSize);
        renewer?.Attach(client);
        return new ChainNode(client, PathTemplate.Root);
    }

    private static InterceptorPipeline Pipeline(BuilderOptions options, string api, IInterceptor signer, IInterceptor verifier)
    {
        var pipeline = new InterceptorPipeline(api, signer, verifier);
        options.Pipeline?.Invoke(pipeline);
        return pipeline;
    }

    private static X509Certificate2 MerchantCertificate(MerchantCertificate merchant, string mchid)
    {
        try
        {
            return merchant.Load(mchid);
        }
        catch (CryptographicException e)
        {
            // The message of a wrong password says just that; it never holds the password.
            throw new ArgumentException($"Merchant could not be loaded from {merchant}: {e.Message}", nameof(BuilderOptions.Merchant), e);
        }
    }

    private static IFlurlClient Flurl(BuilderOptions options, HttpMessageHandler handler, InterceptorPipeline pipeline)
    {
        var client = new FlurlClient(new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan });
        client.Settings.AllowedHttpStatusRange = "*";
        client.Settings.Redirects.Enabled = false;
        client.Settings.Timeout = null; // each call keeps its own deadline (BuilderOptions.Timeout), body included

        client.Headers.Add("Accept", pipeline.Api == "APIv2" ? "text/xml, application/xml" : "application/json");
        client.Headers.Add("User-Agent", UserAgent.Value);
        options.FlurlSettings?.Invoke(client.Settings);
        var events = new PipelineEvents(pipeline);
        client.EventHandlers.Add((FlurlEventType.BeforeCall, events));
        client.EventHandlers.Add((FlurlEventType.AfterCall, events));
        return client;
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

    private static ArgumentException Missing(string name, string forWhat) => new($"{name} is required for {forWhat}.", name);
}
