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

    /// <summary>
    /// The JSON text of <paramref name="value"/>, written through a <see cref="CheckedJsonWriter"/>: too deep a value,
    /// a reference loop, a getter that throws or a string with no UTF-8 form is an <see cref="ArgumentException"/>
    /// naming <paramref name="option"/> and the path, raised before anything is sent.
    /// </summary>
    public static string Serialize(object? value, JsonConverter? converter = null, string option = "json")
    {
        var serializer = Serializer;
        if (converter is not null)
        {
            serializer = JsonSerializer.Create(Settings);
            serializer.Converters.Add(converter);
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var writer = new CheckedJsonWriter(text, option);
        try
        {
            serializer.Serialize(writer, value);
        }
        catch (Exception e) when (e is JsonSerializationException or JsonWriterException)
        {
            // Newtonsoft's messages name properties, types and the path, never values.
            throw new ArgumentException($"Option \"{option}\" cannot be serialised: {e.Message}", option, e);
        }

        writer.Flush();
        return text.ToString();
    }

    /// <summary>The text of <paramref name="token"/>'s property <paramref name="name"/>; <see langword="null"/> when it is missing or not a string (an answer's shape is never trusted).</summary>
    public static string? Text(JToken? token, string name) => token is JObject json && json[name] is JValue { Type: JTokenType.String } value ? (string?)value : null;

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
