using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// The platform answered with a non-2xx status. Carries its error body:
/// <c>{"code":"PARAM_ERROR","message":"…","detail":{…}}</c>. Such answers are not signature-checked.
/// </summary>
public sealed class WeChatPayApiException : WeChatPayException
{
    private WeChatPayApiException(string message, WeChatPayResponse response, string? code, string? platformMessage, JToken? detail)
        : base(message, response)
    {
        Code = code;
        PlatformMessage = platformMessage;
        Detail = detail;
    }

    /// <summary>The platform's error code (<c>PARAM_ERROR</c>, <c>SIGN_ERROR</c>, …), or <see langword="null"/> when the body carried none.</summary>
    public string? Code { get; }

    /// <summary>The platform's <c>message</c>.</summary>
    public string? PlatformMessage { get; }

    /// <summary>The platform's <c>detail</c>, as JSON.</summary>
    public JToken? Detail { get; }

    internal static WeChatPayApiException From(WeChatPayResponse response)
    {
        JObject? body = null;
        try
        {
            body = response.Parsed as JObject;
        }
        catch (JsonException)
        {
            // A proxy's HTML page, say: the status still tells what happened.
        }

        var code = body?.Value<string>("code");
        var message = body?.Value<string>("message");
        var text = $"{response.Method} {response.RequestUri.AbsolutePath} failed with HTTP {response.StatusCode}"
            + (code is null ? " and no WeChat Pay error body" : $" {code}: {message}")
            + (response.RequestId is { } id ? $" (Request-ID {id})" : string.Empty) + ".";
        return new WeChatPayApiException(text, response, code, message, body?["detail"]);
    }
}
