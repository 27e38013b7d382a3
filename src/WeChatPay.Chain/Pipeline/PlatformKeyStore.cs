using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// The platform's keys by serial, safe to read from any thread while they change: the ones configured in
/// <see cref="BuilderOptions.Certs"/> stay as given; downloaded platform certificates replace the previous download
/// as a whole, expired ones left out. Readers see one snapshot or the next, never a half-updated one.
/// </summary>
internal sealed class PlatformKeyStore : IReadOnlyDictionary<string, PlatformKey>
{
    private readonly ImmutableDictionary<string, PlatformKey> _configured;
    private ImmutableDictionary<string, PlatformKey> _keys;

    public PlatformKeyStore(IReadOnlyDictionary<string, PlatformKey> configured)
    {
        _configured = configured.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
        _keys = _configured;
    }

    private ImmutableDictionary<string, PlatformKey> Keys => Volatile.Read(ref _keys);

    public int Count => Keys.Count;

    IEnumerable<string> IReadOnlyDictionary<string, PlatformKey>.Keys => Keys.Keys;

    public IEnumerable<PlatformKey> Values => Keys.Values;

    public PlatformKey this[string key] => Keys[key];

    /// <summary>Takes a download: the configured keys plus every downloaded certificate not expired at <paramref name="now"/>.</summary>
    public void Update(IEnumerable<(string Serial, PlatformKey Key, DateTimeOffset Expires)> downloaded, DateTimeOffset now)
    {
        var next = _configured.ToBuilder();
        foreach (var (serial, key, expires) in downloaded)
        {
            if (expires > now && !next.ContainsKey(serial))
            {
                next[serial] = key;
            }
        }

        Volatile.Write(ref _keys, next.ToImmutable());
    }

    public bool ContainsKey(string key) => Keys.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PlatformKey value) => Keys.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, PlatformKey>> GetEnumerator() => Keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
