using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>An answer the platform gives instead of a result: status, code, message, and a detail that helps.</summary>
internal sealed class PlatformError(int status, string code, string message, JObject? detail = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public JObject Body() => new() { ["code"] = Code, ["message"] = Message, ["detail"] = detail };

    public static PlatformError Param(string message, string? field = null, string location = "body") =>
        new(400, "PARAM_ERROR", message, field is null ? null : new JObject { ["field"] = field, ["location"] = location });

    public static PlatformError Invalid(string message) => new(400, "INVALID_REQUEST", message);

    public static PlatformError NotFound(string message) => new(404, "RESOURCE_NOT_EXISTS", message);
}
