using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// JSON as plain .NET values for display: objects become dictionaries and arrays lists, which LINQPad draws as nested
/// tables; a raw <see cref="JToken"/> would show as its own members.
/// </summary>
internal static class Dumped
{
    public static object? Of(JToken token) => token switch
    {
        JObject o => o.Properties().ToDictionary(p => p.Name, p => Of(p.Value), StringComparer.Ordinal),
        JArray a => a.Select(Of).ToList(),
        JValue { Value: var value } => value,
        _ => token.ToString(),
    };
}
