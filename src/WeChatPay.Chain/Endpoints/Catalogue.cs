using System.Reflection;

namespace WeChatPay.Chain;

/// <summary>
/// Every operation WeChat Pay documents (about 1,150: APIv3 with its hk/ and global/ paths, and APIv2), as data embedded in
/// the library: methods, path templates, fields, the certificate requirement. Loaded once, the first time it is used;
/// an operation's fields are read the first time they are asked for. See docs/catalogue.md.
/// </summary>
public static class Catalogue
{
    private const string DefaultHost = "api.mch.weixin.qq.com";
    private static readonly Lazy<Loaded> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every catalogued operation, ordered by path, then method.</summary>
    public static IReadOnlyList<ApiOperation> Operations => Data.Value.All;

    /// <summary>
    /// The operation for <paramref name="method"/> on <paramref name="path"/>, or null when the catalogue has none.
    /// The path is a chain path (<c>v3/pay/transactions/out-trade-no/{out_trade_no}</c>, <c>v2/pay/micropay</c>);
    /// a placeholder matches any placeholder and a literal value matches a placeholder
    /// (<c>v3/pay/transactions/id/4200000001</c>); a literal segment wins over a placeholder where both match.
    /// </summary>
    /// <param name="method">The HTTP method, in any case (<c>POST</c>, <c>post</c>).</param>
    /// <param name="path">The chain path; a leading <c>/</c> and a query string are ignored.</param>
    /// <param name="baseUri">The address called, for the few operations served from another host (<c>fraud.mch.weixin.qq.com</c>); null for the default host.</param>
    public static ApiOperation? Find(string method, string path, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);

        // A path written as catalogued (most chains are) is found without scoring every candidate: no other path can
        // match it better. The scan below handles values in place of placeholders, other placeholder names and hosts.
        if (Data.Value.ByPath.TryGetValue(path, out var exact)
            && Array.Find(exact, operation => operation.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && Serves(operation, baseUri)) is { } found)
        {
            return found;
        }

        return OnPath(path, baseUri).FirstOrDefault(operation => operation.Method.Equals(method, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every operation on <paramref name="path"/>, one per method, matched as <see cref="Find"/> matches.</summary>
    /// <param name="path">The chain path; a leading <c>/</c> and a query string are ignored.</param>
    /// <param name="baseUri">The address called; null for the default host.</param>
    public static IReadOnlyList<ApiOperation> OnPath(string path, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = CataloguePaths.Segments(path);
        if (!Data.Value.BySegmentCount.TryGetValue(segments.Length, out var candidates))
        {
            return [];
        }

        var matches = candidates
            .Select(operation => (Operation: operation, Score: CataloguePaths.Score(operation.Segments, segments)))
            .Where(match => match.Score >= 0)
            .ToList();
        var served = matches.Where(match => Serves(match.Operation, baseUri)).ToList();
        if (served.Count > 0 || baseUri is null || IsWeChatPayHost(baseUri))
        {
            matches = served;
        }
        else if (matches.Any(match => match.Operation.BaseUri is null))
        {
            // At an address that is not WeChat Pay's (a test server, a proxy) the default host's operations come first.
            matches = matches.Where(match => match.Operation.BaseUri is null).ToList();
        }

        return matches
            .GroupBy(match => match.Operation.Method)
            .Select(group => group.OrderByDescending(match => match.Score).First().Operation)
            .ToArray();
    }

    /// <summary>The operations on the path of a chain node (<c>wx.V3.Profitsharing.ReturnOrders</c>), one per method.</summary>
    /// <param name="node">A chain node; its <see cref="IChainNode.Path"/> is looked up.</param>
    public static IReadOnlyList<ApiOperation> OnPath(IChainNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return OnPath(node.Path);
    }

    /// <summary>
    /// The catalogued paths nearest to <paramref name="path"/> by edit distance (placeholder names ignored), nearest
    /// first; empty when nothing is near. For "did you mean …?" messages.
    /// </summary>
    /// <param name="path">A chain path that is not catalogued, e.g. <c>v3/pay/transaction/out-trade-n-o/{out_trade_no}</c>.</param>
    /// <param name="count">At most this many paths.</param>
    public static IReadOnlyList<string> Suggest(string path, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return CataloguePaths.Nearest(Data.Value.Paths, path, count);
    }

    private static bool Serves(ApiOperation operation, Uri? baseUri) => (operation.BaseUri, baseUri) switch
    {
        (null, null) => true,
        (null, { } given) => given.Host.Equals(DefaultHost, StringComparison.OrdinalIgnoreCase),
        ({ }, null) => false,
        ({ } home, { } given) => home.Host.Equals(given.Host, StringComparison.OrdinalIgnoreCase)
            && given.AbsolutePath.TrimEnd('/').Equals(home.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal),
    };

    private static bool IsWeChatPayHost(Uri uri) => uri.Host.EndsWith(".weixin.qq.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the embedded catalogue afresh: its index now, each operation's fields when first asked for.</summary>
    internal static Loaded Load()
    {
        var assembly = typeof(Catalogue).Assembly;
        var details = new Lazy<string[]>(() => Lines(assembly, "catalogue.jsonl").ToArray(), LazyThreadSafetyMode.ExecutionAndPublication);
        var all = new List<ApiOperation>(1200);
        foreach (var line in Lines(assembly, "catalogue.index"))
        {
            var columns = line.Split('\t');
            var row = all.Count;
            all.Add(new ApiOperation(
                columns[0],
                columns[1],
                columns[2].Length == 0 ? null : new Uri(columns[2], UriKind.Absolute),
                columns[3].Split(',').Contains("cert"),
                () => details.Value[row]));
        }

        return new Loaded(
            all,
            all.GroupBy(operation => operation.Path, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal),
            all.GroupBy(operation => operation.Segments.Length).ToDictionary(group => group.Key, group => group.ToArray()),
            all.Select(operation => operation.Path).Distinct(StringComparer.Ordinal).ToArray());
    }

    private static IEnumerable<string> Lines(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream("WeChatPay.Chain.Catalogue." + name)
            ?? throw new InvalidOperationException($"The catalogue resource {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    internal sealed record Loaded(IReadOnlyList<ApiOperation> All, Dictionary<string, ApiOperation[]> ByPath, Dictionary<int, ApiOperation[]> BySegmentCount, string[] Paths);
}
