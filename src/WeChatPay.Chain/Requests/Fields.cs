using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace WeChatPay.Chain;

/// <summary>Reads the name/value pairs of an options, query or headers object: an anonymous object, a POCO, or a dictionary.</summary>
internal static class Fields
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<KeyValuePair<string, object?>> Of(object? source) => source switch
    {
        null => [],
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs,
        IEnumerable<KeyValuePair<string, string?>> pairs => pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)),
        Newtonsoft.Json.Linq.JObject json => json.Properties().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)),
        IDictionary dictionary => OfDictionary(dictionary),
        _ => OfProperties(source),
    };

    /// <summary>
    /// The text a scalar value takes in a query string or header: invariant culture, <c>true</c>/<c>false</c> in lower
    /// case as the PHP and Node SDKs send them. Anything that is not a scalar is refused, naming <paramref name="what"/>.
    /// </summary>
    public static string Text(object value, string what) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        char c => c.ToString(),
        Enum e => e.ToString(),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException(
            $"{what} must be a string, number or boolean; a {value.GetType().Name} has no single text form.", what),
    };

    private static IEnumerable<KeyValuePair<string, object?>> OfDictionary(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new KeyValuePair<string, object?>(
                entry.Key as string ?? Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> OfProperties(object source)
    {
        var properties = Properties.GetOrAdd(
            source.GetType(),
            static type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray());
        foreach (var property in properties)
        {
            yield return new KeyValuePair<string, object?>(property.Name, property.GetValue(source));
        }
    }
}
