using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Telemetry;
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
        var loaded = Load(options);  // every option checked and every key loaded, once, before anything is built
        var time = options.TimeProvider ?? TimeProvider.System;
        var logger = options.LoggerFactory?.CreateLogger(WeChatPayDiagnostics.Name);
        var v3 = loaded.V3 is { } keys ? ApiV3(options, loaded.Valid.Mchid, keys, time, logger) : null;
        var (v2, v2Secure) = options.Secret is { } secret ? ApiV2(options, loaded.Valid.Mchid, secret, loaded.MerchantCertificate) : (null, null);

        var identity = new Identity(loaded.Valid.Mchid, v3?.Check, options.ApiV3Key, options.Secret, loaded.V3?.MerchantKey, loaded.V3?.PlatformKeys, v3?.Renewer);
        var observer = new CallObserver(logger, loaded.Valid.Mchid, options.LogBodies);
        var client = new Client(loaded.Valid.Hosts, identity, v3?.Flurl, v2, v2Secure, options.Timeout ?? BuilderOptions.DefaultTimeout, options.MaxResponseSize ?? BuilderOptions.DefaultMaxResponseSize, observer);
        v3?.Renewer?.Attach(client);
        return new ChainNode(client, PathTemplate.Root);
    }

    /// <summary>
    /// Checks the options and loads every key and certificate, exactly as <see cref="Factory"/> does, without building
    /// anything (no client, no renewal timer): for checking configuration at start-up. Throws what
    /// <see cref="Factory"/> would throw.
    /// </summary>
    /// <param name="options">The merchant's identity, keys, and transport settings.</param>
    /// <exception cref="ArgumentException">An option is missing or wrong; <see cref="ArgumentException.ParamName"/> names it, and no message quotes key material.</exception>
    public static void Validate(BuilderOptions options) => Load(options);

    /// <summary>The checked values and loaded keys that the composition is built from.</summary>
    private sealed record Loaded(OptionsCheck.Checked Valid, V3Keys? V3, X509Certificate2? MerchantCertificate);

    /// <summary>The APIv3 keys: the platform's, the merchant's, and what renewal needs when it is on.</summary>
    private sealed record V3Keys(string Serial, PlatformKeyStore PlatformKeys, SigningKey MerchantKey, (string ApiV3Key, TimeSpan Interval)? Renewal);

    private static Loaded Load(BuilderOptions options)
    {
        var valid = OptionsCheck.Run(options);
        V3Keys? v3 = null;
        if (valid.Serial is { } serial)
        {
            var platformKeys = new PlatformKeyStore(Keys.Platform(options.Certs, allowEmpty: options.AutoRenewCertificates));
            var merchantKey = Keys.Private(options.PrivateKey ?? throw OptionsCheck.Missing(nameof(options.PrivateKey), "APIv3"));
            var interval = options.AutoRenewCertificates ? OptionsCheck.RenewalInterval(options) : default;
            v3 = new V3Keys(serial, platformKeys, merchantKey, options.AutoRenewCertificates ? (OptionsCheck.RenewalKey(options), interval) : null);
        }

        var certificate = options.Secret is not null && options.Merchant is { } merchant ? MerchantCertificate(merchant, valid.Mchid) : null;
        return new Loaded(valid, v3, certificate);
    }

    /// <summary>The APIv3 side: the check of what the platform signs, the renewer, and its Flurl client.</summary>
    private sealed record V3(IFlurlClient Flurl, SignatureCheck Check, CertificateRenewer? Renewer);

    private static V3 ApiV3(BuilderOptions options, string mchid, V3Keys keys, TimeProvider time, ILogger? logger)
    {
        var check = new SignatureCheck(keys.PlatformKeys, time);
        var renewer = keys.Renewal is { } renewal
            ? new CertificateRenewer(keys.PlatformKeys, renewal.ApiV3Key, keys.MerchantKey.Sm2 is not null, time, renewal.Interval, logger)
            : null;
        var pipeline = Pipeline(options, "APIv3", new V3Signer(mchid, keys.Serial, keys.MerchantKey, time), new V3Verifier(check, renewer));
        return new V3(Flurl(options, Handler(options, HttpClientKind.ApiV3, null), pipeline), check, renewer);
    }

    private static (IFlurlClient V2, IFlurlClient? V2Secure) ApiV2(BuilderOptions options, string mchid, string secret, X509Certificate2? certificate)
    {
        var pipeline = Pipeline(options, "APIv2", new V2Signer(mchid, secret), new V2Verifier(secret));
        var v2 = Flurl(options, Handler(options, HttpClientKind.ApiV2, null), pipeline);
        return (v2, certificate is null ? null : Flurl(options, Handler(options, HttpClientKind.ApiV2WithCertificate, certificate), pipeline));
    }

    /// <summary>The host's handler for this kind of client when it makes them (<see cref="BuilderOptions.HttpMessageHandlerFactory"/>), else the library's own.</summary>
    private static HttpMessageHandler Handler(BuilderOptions options, HttpClientKind kind, X509Certificate2? certificate) =>
        options.HttpMessageHandlerFactory is { } factory
            ? factory(kind) ?? throw new ArgumentException($"HttpMessageHandlerFactory returned no handler for {kind}.", nameof(options.HttpMessageHandlerFactory))
            : Handlers.For(options, certificate);

    private static InterceptorPipeline Pipeline(BuilderOptions options, string api, IInterceptor signer, IInterceptor verifier)
    {
        var pipeline = new InterceptorPipeline(api, signer, verifier);
        options.Pipeline?.Invoke(pipeline);
        return pipeline;
    }

    internal static X509Certificate2 MerchantCertificate(MerchantCertificate merchant, string mchid)
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
}
