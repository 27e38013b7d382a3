using System;
using System.Collections.Generic;
using System.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// How a written path is matched against the catalogue's paths and, when none matches, which are nearest. This one file
/// is compiled into the library and into the chain analyzer (WeChatPay.Chain.Analyzers links it), so the analyzer
/// finds and suggests exactly what the run time does; it is written for netstandard2.0 as well.
/// </summary>
internal static class CataloguePaths
{
    /// <summary>The segments of <paramref name="path"/>: a leading <c>/</c>, empty pieces and a query or fragment ignored.</summary>
    public static string[] Segments(string path)
    {
        var end = path.IndexOfAny(new[] { '?', '#' });
        return (end < 0 ? path : path.Substring(0, end)).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether <paramref name="segment"/> is a placeholder such as <c>{out_trade_no}</c>.</summary>
    public static bool IsPlaceholder(string segment) => segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}';

    /// <summary>
    /// For two paths of as many segments: -1 when they differ; otherwise 2 per equal literal segment and 1 per segment
    /// the catalogued path has as a placeholder, so that the most literal match wins.
    /// </summary>
    public static int Score(string[] known, string[] wanted)
    {
        var score = 0;
        for (var i = 0; i < known.Length; i++)
        {
            if (string.Equals(known[i], wanted[i], StringComparison.Ordinal))
            {
                score += 2;
            }
            else if (IsPlaceholder(known[i]))
            {
                score += 1;
            }
            else
            {
                return -1;
            }
        }

        return score;
    }

    /// <summary>
    /// The <paramref name="count"/> paths of <paramref name="known"/> nearest to <paramref name="path"/> by edit distance
    /// (placeholder names ignored), nearest first; none when nothing is near.
    /// </summary>
    public static string[] Nearest(IEnumerable<string> known, string path, int count)
    {
        var wanted = Shape(Segments(path));
        var limit = Math.Max(4, wanted.Length / 4);
        return known
            .Select(candidate => (Path: candidate, Distance: EditDistance.Within(wanted, Shape(candidate.Split('/')), limit)))
            .Where(match => match.Distance <= limit)
            .OrderBy(match => match.Distance)
            .ThenBy(match => match.Path, StringComparer.Ordinal)
            .Take(count)
            .Select(match => match.Path)
            .ToArray();
    }

    private static string Shape(string[] segments) => string.Join("/", segments.Select(s => IsPlaceholder(s) ? "{}" : s));
}
