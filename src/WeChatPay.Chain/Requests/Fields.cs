using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace WeChatPay.Chain;

/// <summary>
/// Reads the name/value pairs of an options, query, headers or xml object: an anonymous object, a POCO, or a
/// dictionary with string keys. The object is the caller's and is treated as hostile: a getter or enumerator that
/// throws, a key that is not a string, a null or empty name, two names equal but for case, or no end to the pairs
/// each becomes an <see cref="ArgumentException"/> naming the option.
/// </summary>
internal static class Fields
{
    /// <summary>
    /// The most names one object may hold. WeChat Pay's requests have a few dozen fields at most; the bound keeps an
    /// endless enumerable from holding the call forever.
    /// </summary>
    public const int MaxCount = 1000;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The pairs of <paramref name="source"/>, read once.</summary>
    /// <param name="source">The object.</param>
    /// <param name="owner">The option it is (<c>query</c>, <c>headers</c>, <c>xml</c>), or empty for the options object itself.</param>
    public static List<KeyValuePair<string, object?>> Of(object? source, string owner)
    {
        var result = new List<KeyValuePair<string, object?>>();
        if (source is null)
        {
            return result;
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var pairs = Start(Pairs(source, owner), owner);
        while (Next(pairs, owner))
        {
            var (name, value) = pairs.Current;
            if (name.Length == 0)
            {
                throw new ArgumentException($"{Describe(owner)} has an empty name.", ParamName(owner));
            }

            if (!seen.TryAdd(name, name))
            {
                throw new ArgumentException(
                    $"{Describe(owner)} names \"{Characters.Printable(seen[name])}\" and \"{Characters.Printable(name)}\": names equal but for case are ambiguous (one would hide the other); pass one.",
                    ParamName(owner));
            }

            if (result.Count == MaxCount)
            {
                throw new ArgumentException($"{Describe(owner)} has more than {MaxCount} names.", ParamName(owner));
            }

            result.Add(new(name, value));
        }

        return result;
    }

    /// <summary>
    /// The text a scalar value takes in a query string, header or placeholder: invariant culture, <c>true</c>/<c>false</c>
    /// in lower case as the PHP and Node SDKs send them. Anything that is not a scalar is refused, naming <paramref name="what"/>.
    /// </summary>
    public static string Text(object value, string what)
    {
        try
        {
            return value switch
            {
                string s => s,
                bool b => b ? "true" : "false",
                char c => c.ToString(),
                Enum e => e.ToString(),
                DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture)
                    ?? throw new ArgumentException($"{what}: its {value.GetType().Name} formats as null.", what),
                _ => throw new ArgumentException(
                    $"{what} must be a string, number or boolean; a {value.GetType().Name} has no single text form.", what),
            };
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException($"{what}: its {value.GetType().Name} threw {e.GetType().Name} when formatted.", what, e);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Pairs(object source, string owner) => source switch
    {
        string or IFormattable or bool or char or Enum => throw NotAnObject(source, owner),
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.Select(p => Named(p.Key, p.Value, owner)),
        IEnumerable<KeyValuePair<string, string?>> pairs => pairs.Select(p => Named(p.Key, p.Value, owner)),
        Newtonsoft.Json.Linq.JObject json => json.Properties().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)),
        IDictionary dictionary => OfDictionary(dictionary, owner),
        IEnumerable => throw NotAnObject(source, owner),
        _ => OfProperties(source, owner),
    };

    private static IEnumerable<KeyValuePair<string, object?>> OfDictionary(IDictionary dictionary, string owner)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return entry.Key switch
            {
                string name => new(name, entry.Value),
                null => Named(null, null, owner),
                var other => throw new ArgumentException(
                    $"{Describe(owner)} has a key of type {other.GetType().Name}: names must be strings.", ParamName(owner)),
            };
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> OfProperties(object source, string owner)
    {
        var properties = Properties.GetOrAdd(
            source.GetType(),
            static type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
                .ToArray());
        foreach (var property in properties)
        {
            object? value;
            try
            {
                value = property.GetValue(source);
            }
            catch (Exception e)
            {
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                throw new ArgumentException(
                    $"{Describe(owner)}: reading property {property.Name} of {source.GetType().Name} threw {cause.GetType().Name}.", Name(owner, property.Name), cause);
            }

            yield return new(property.Name, value);
        }
    }

    private static KeyValuePair<string, object?> Named(string? name, object? value, string owner) =>
        name is null ? throw new ArgumentException($"{Describe(owner)} has a null name.", ParamName(owner)) : new(name, value);

    private static IEnumerator<KeyValuePair<string, object?>> Start(IEnumerable<KeyValuePair<string, object?>> pairs, string owner)
    {
        try
        {
            return pairs.GetEnumerator();
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException($"{Describe(owner)} threw {e.GetType().Name} while its names were read.", ParamName(owner), e);
        }
    }

    /// <summary>Moves to the next pair; a collection that fails to enumerate is the caller's error, not a crash.</summary>
    private static bool Next(IEnumerator<KeyValuePair<string, object?>> pairs, string owner)
    {
        try
        {
            return pairs.MoveNext();
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException($"{Describe(owner)} threw {e.GetType().Name} while its names were read.", ParamName(owner), e);
        }
    }

    private static ArgumentException NotAnObject(object source, string owner) =>
        new($"{Describe(owner)} must be an object or a dictionary of names to values; a {source.GetType().Name} is neither.", ParamName(owner));

    private static string Describe(string owner) => owner.Length == 0 ? "The options object" : $"Option \"{owner}\"";

    private static string ParamName(string owner) => owner.Length == 0 ? "options" : owner;

    private static string Name(string owner, string name) => owner.Length == 0 ? name : owner + "." + name;
}
