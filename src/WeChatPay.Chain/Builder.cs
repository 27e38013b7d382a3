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
        var valid = OptionsCheck.Run(options);  // every value checked before any key is loaded
        var time = options.TimeProvider ?? TimeProvider.System;
        var logger = options.LoggerFactory?.CreateLogger(WeChatPayDiagnostics.Name);
        var v3 = valid.Serial is { } serial ? ApiV3(options, valid.Mchid, serial, time, logger) : null;
        var (v2, v2Secure) = options.Secret is { } secret ? ApiV2(options, valid.Mchid, secret) : (null, null);

        var identity = new Identity(valid.Mchid, v3?.Check, options.ApiV3Key, options.Secret, v3?.MerchantKey, v3?.PlatformKeys, v3?.Renewer);
        var observer = new CallObserver(logger, valid.Mchid);
        var client = new Client(valid.Hosts, identity, v3?.Flurl, v2, v2Secure, options.Timeout ?? BuilderOptions.DefaultTimeout, options.MaxResponseSize ?? BuilderOptions.DefaultMaxResponseSize, observer);
        v3?.Renewer?.Attach(client);
        return new ChainNode(client, PathTemplate.Root);
    }

    /// <summary>The APIv3 side: its keys, the check of what the platform signs, the renewer, and its Flurl client.</summary>
    private sealed record V3(IFlurlClient Flurl, SignatureCheck Check, SigningKey MerchantKey, PlatformKeyStore PlatformKeys, CertificateRenewer? Renewer);

    private static V3 ApiV3(BuilderOptions options, string mchid, string serial, TimeProvider time, ILogger? logger)
    {
        var platformKeys = new PlatformKeyStore(Keys.Platform(options.Certs, allowEmpty: options.AutoRenewCertificates));
        var merchantKey = Keys.Private(options.PrivateKey ?? throw OptionsCheck.Missing(nameof(options.PrivateKey), "APIv3"));
        var check = new SignatureCheck(platformKeys, time);
        CertificateRenewer? renewer = null;
        if (options.AutoRenewCertificates)
        {
            var interval = OptionsCheck.RenewalInterval(options);
            renewer = new CertificateRenewer(platformKeys, OptionsCheck.RenewalKey(options), merchantKey.Sm2 is not null, time, interval, logger);
        }

        var pipeline = Pipeline(options, "APIv3", new V3Signer(mchid, serial, merchantKey, time), new V3Verifier(check, renewer));
        return new V3(Flurl(options, Handler(options, HttpClientKind.ApiV3, null), pipeline), check, merchantKey, platformKeys, renewer);
    }

    private static (IFlurlClient V2, IFlurlClient? V2Secure) ApiV2(BuilderOptions options, string mchid, string secret)
    {
        var pipeline = Pipeline(options, "APIv2", new V2Signer(mchid, secret), new V2Verifier(secret));
        var v2 = Flurl(options, Handler(options, HttpClientKind.ApiV2, null), pipeline);
        var certificate = options.Merchant is { } merchant ? MerchantCertificate(merchant, mchid) : null;
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
