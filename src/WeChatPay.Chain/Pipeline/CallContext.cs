using Flurl;
using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// What one call carries through Flurl to the pipeline steps and back: how much of an answer may be read into memory,
/// the call's deadline, and what the <c>verifier</c> found. It rides on the request (<see cref="CallRequest"/>), so it
/// is there under Flurl's <c>HttpTest</c> too.
/// </summary>
internal sealed class CallContext(long maxResponseBytes, CancellationToken token)
{
    /// <summary>How much of an error answer without a signature is kept: enough to read its code, never a flood.</summary>
    public const int ExcerptBytes = 64 * 1024;

    /// <summary>The most bytes of an answer read into memory.</summary>
    public long MaxResponseBytes { get; } = maxResponseBytes;

    /// <summary>Cancelled by the caller or at the call's deadline.</summary>
    public CancellationToken Token { get; } = token;

    /// <summary>Whether the <c>verifier</c> step verified the answer's signature (APIv3) or <c>sign</c> (APIv2).</summary>
    public bool Verified { get; set; }

    /// <summary>
    /// A digest the body must match, checked wherever the body is read: a statement's <c>Wechatpay-Statement-Sha1</c>
    /// (set by the verifier once the header's signature holds) or a bill's <c>hash_value</c> (set by the caller).
    /// </summary>
    public (string Algorithm, string Hex)? Digest { get; set; }

    /// <summary>The call's attempts on the wire, and how the innermost handler signs a retry afresh.</summary>
    public Transport.Attempts Attempts { get; init; } = new();

    /// <summary>The call in flight, kept so its response can be released whatever a step throws.</summary>
    public FlurlCall? Call { get; set; }

    /// <summary>The context of <paramref name="call"/>; one with the default limit for a request the library did not make.</summary>
    public static CallContext Of(FlurlCall call) =>
        (call.Request as CallRequest)?.Context ?? new CallContext(BuilderOptions.DefaultMaxResponseSize, CancellationToken.None);
}

/// <summary>A Flurl request that carries its <see cref="CallContext"/>.</summary>
internal sealed class CallRequest(Url url, CallContext context) : FlurlRequest(url)
{
    public CallContext Context { get; } = context;
}
