using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// The library's own Newtonsoft.Json settings, independent of an application's <see cref="JsonConvert.DefaultSettings"/>:
/// request bodies serialise the same everywhere, and response text such as <c>finish_time</c> stays the text the
/// platform sent instead of turning into a <see cref="DateTime"/>.
/// </summary>
internal static class Json
{
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.None };
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object? value, JsonConverter? converter = null)
    {
        var serializer = Serializer;
        if (converter is not null)
        {
            serializer = JsonSerializer.Create(Settings);
            serializer.Converters.Add(converter);
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        serializer.Serialize(writer, value);
        return writer.ToString();
    }

    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public static T Deserialize<T>(JToken data) => data.ToObject<T>(Serializer)!;

    public static T Deserialize<T>(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text));
        return Serializer.Deserialize<T>(reader)!;
    }
}
