using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WeChatPay.Chain.Analyzers.Catalogue;

/// <summary>
/// The library's endpoint catalogue (the same embedded catalogue.index and catalogue.jsonl), matched the way
/// <c>WeChatPay.Chain.Catalogue</c> matches at run time: a placeholder in the catalogue matches any segment, a literal
/// segment wins over a placeholder, empty segments (a trailing <c>/</c>) are ignored. Hosts are not judged.
/// </summary>
internal sealed class Endpoints
{
    private static readonly Lazy<Endpoints> Loaded = new(Load);

    private readonly Dictionary<int, Operation[]> _bySegmentCount;

    // A project calls the same paths over and over (and the IDE asks again on every keystroke): each answer is kept.
    private readonly ConcurrentDictionary<string, IReadOnlyList<Operation>> _onPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _suggestions = new(StringComparer.Ordinal);

    private Endpoints(IReadOnlyList<Operation> all)
    {
        All = all;
        _bySegmentCount = all.GroupBy(o => o.Segments.Length).ToDictionary(g => g.Key, g => g.ToArray());
        Paths = all.Select(o => o.Path).Distinct(StringComparer.Ordinal).ToArray();
        FirstSegments = new HashSet<string>(all.Select(o => o.Segments[0]), StringComparer.Ordinal);
    }

    public static Endpoints Instance => Loaded.Value;

    public IReadOnlyList<Operation> All { get; }

    public string[] Paths { get; }

    /// <summary>The segments every catalogued path starts with (v2, v3, hk, global).</summary>
    public HashSet<string> FirstSegments { get; }

    /// <summary>Every operation on <paramref name="path"/>, one per method, the best-scoring where several match.</summary>
    public IReadOnlyList<Operation> OnPath(string path) => _onPath.GetOrAdd(path, Match);

    private IReadOnlyList<Operation> Match(string path)
    {
        var segments = Segments(path);
        if (!_bySegmentCount.TryGetValue(segments.Length, out var candidates))
        {
            return Array.Empty<Operation>();
        }

        return candidates
            .Select(operation => (Operation: operation, Score: CataloguePaths.Score(operation.Segments, segments)))
            .Where(match => match.Score >= 0)
            .GroupBy(match => match.Operation.Method)
            .Select(group => group.OrderByDescending(match => match.Score).First().Operation)
            .ToArray();
    }

    /// <summary>How many leading segments of <paramref name="segments"/> begin some catalogued path.</summary>
    public int KnownPrefix(string[] segments)
    {
        var best = 0;
        foreach (var operation in All)
        {
            var length = Math.Min(operation.Segments.Length, segments.Length);
            var matched = 0;
            while (matched < length && Matches(operation.Segments[matched], segments[matched]))
            {
                matched++;
            }

            best = Math.Max(best, matched);
        }

        return best;
    }

    /// <summary>The catalogued paths nearest to <paramref name="path"/> by edit distance, placeholder names ignored, as the run time suggests them.</summary>
    public IReadOnlyList<string> Suggest(string path) => _suggestions.GetOrAdd(path, p => Nearest(p, 3));

    private IReadOnlyList<string> Nearest(string path, int count)
    {
        return CataloguePaths.Nearest(Paths, path, count);
    }

    public static string[] Segments(string path) => CataloguePaths.Segments(path);

    public static bool IsPlaceholder(string segment) => CataloguePaths.IsPlaceholder(segment);

    private static bool Matches(string known, string wanted) => string.Equals(known, wanted, StringComparison.Ordinal) || IsPlaceholder(known);


    private static Endpoints Load()
    {
        var details = new Lazy<string[]>(() => Lines("catalogue.jsonl").ToArray());
        var all = new List<Operation>(1200);
        foreach (var line in Lines("catalogue.index"))
        {
            var columns = line.Split('\t');
            var row = all.Count;
            all.Add(new Operation(columns[0], columns[1], () => details.Value[row]));
        }

        return new Endpoints(all);
    }

    private static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(Endpoints).Assembly.GetManifestResourceStream("WeChatPay.Chain.Analyzers." + name)
            ?? throw new InvalidOperationException("The catalogue resource " + name + " is missing from the analyzer.");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
