using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// The platform answered with a non-2xx status. Carries its error body:
/// <c>{"code":"PARAM_ERROR","message":"…","detail":{…}}</c>. An error answer that carries the <c>Wechatpay-*</c>
/// signature headers is verified like a success before this is raised (<see cref="IsVerified"/>); one that carries none
/// is still raised, marked unverified: its <see cref="Code"/> may not be the platform's, so do not act on it as if it were.
/// </summary>
public sealed class WeChatPayApiException : WeChatPayException
{
    private WeChatPayApiException(string message, WeChatPayResponse response, bool verified, string? code, string? platformMessage, JToken? detail, IReadOnlyList<string> suggestions)
        : base(message, response)
    {
        IsVerified = verified;
        Code = code;
        PlatformMessage = platformMessage;
        Detail = detail;
        Suggestions = suggestions;
    }

    /// <summary>
    /// Whether the answer's signature was verified: <see langword="false"/> when it carried no signature headers (a
    /// proxy, a gateway, or someone on the path could have written it) or the <c>verifier</c> step was removed.
    /// </summary>
    public bool IsVerified { get; }

    /// <summary>The platform's error code (<c>PARAM_ERROR</c>, <c>SIGN_ERROR</c>, …), or <see langword="null"/> when the body carried none.</summary>
    public string? Code { get; }

    /// <summary>The platform's <c>message</c>.</summary>
    public string? PlatformMessage { get; }

    /// <summary>The platform's <c>detail</c>, as JSON.</summary>
    public JToken? Detail { get; }

    /// <summary>
    /// After a 404 for a path the WeChat Pay catalogue does not have: the catalogued paths nearest to it, nearest first
    /// (<c>v3/pay/transactions/out-trade-no/{out_trade_no}</c>), also named in the message with their member spelling.
    /// Empty for any other answer, and for a 404 on a catalogued path (the resource was not found).
    /// </summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>The error answer; an unsigned one's body is kept only up to a bound.</summary>
    public override WeChatPayResponse Response => base.Response!;

    /// <summary>The exception for an error answer; a 404 for a path <paramref name="target"/> shows is not catalogued says so (<see cref="NotCatalogued"/>).</summary>
    internal static WeChatPayApiException From(WeChatPayResponse response, bool verified, bool cut, CallTarget? target = null)
    {
        JObject? body = null;
        try
        {
            body = response.Parsed as JObject;
        }
        catch (JsonException)
        {
            // A proxy's HTML page, or a body cut at the bound: the status still tells what happened.
        }

        var code = Json.Text(body, "code");
        var message = Json.Text(body, "message");
        var text = $"{response.Method} {response.RequestUri.AbsolutePath} failed with HTTP {response.StatusCode}"
            + (code is null ? " and no WeChat Pay error body" : $" {Excerpt.Of(code, Excerpt.TokenLength)}: {Excerpt.Of(message)}")
            + (response.RequestId is { } id ? $" (Request-ID {Excerpt.Of(id, Excerpt.TokenLength)})" : string.Empty)
            + (verified ? "." : ". Unverified: the answer carries no platform signature, so do not act on its code as the platform's.")
            + (cut ? " (Only the start of its long body was kept.)" : string.Empty);
        var unknown = response.StatusCode == 404 && target is not null ? NotCatalogued.Explain(response.Method, target) : null;
        return new WeChatPayApiException(text + unknown?.Text, response, verified, code, message, body?["detail"], unknown?.Suggestions ?? []);
    }
}
