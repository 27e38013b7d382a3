using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WeChatPay.Chain.Analyzers.Catalogue;

namespace WeChatPay.Chain.Analyzers.Chain;

/// <summary>
/// The chain's spelling rules, as the run time applies them (<c>SegmentSpelling</c>, a file shared with the library;
/// <c>Segment</c> and <c>Verb</c> in WeChatPay.Chain): member names to segments, literal text to segments, segments back to member names, and the verbs.
/// </summary>
internal static class Spelling
{
    /// <summary>The verbs a node answers to when invoked, by spelling: <c>post</c>, <c>Post</c>, <c>postAsync</c>, <c>PostAsync</c>… → the HTTP method.</summary>
    public static readonly IReadOnlyDictionary<string, string> Verbs = BuildVerbs();

    /// <summary>Invoked names that never make a segment: ChainNode's and DynamicObject's own public methods.</summary>
    public static readonly HashSet<string> NodeMethods = new(StringComparer.Ordinal)
    {
        "Chain", "ToString", "Equals", "GetHashCode", "GetType", "ToDump", "Dump", "GetDynamicMemberNames", "GetMetaObject",
        "TryGetMember", "TrySetMember", "TryDeleteMember", "TryInvokeMember", "TryConvert", "TryCreateInstance", "TryInvoke",
        "TryBinaryOperation", "TryUnaryOperation", "TryGetIndex", "TrySetIndex", "TryDeleteIndex",
    };

    /// <summary><c>V3</c> → <c>v3</c>, <c>ReturnOrders</c> → <c>return-orders</c>, <c>_out_return_no_</c> → <c>{out_return_no}</c>.</summary>
    public static string FromMember(string name) => SegmentSpelling.FromMember(name);

    /// <summary>
    /// Literal text split on <c>/</c>, empty pieces dropped, a trailing <c>/</c> kept as a last empty segment; null when
    /// the run time refuses the text (no segment at all, a dot segment, a <c>?</c> or <c>#</c>), with the reason.
    /// </summary>
    public static string[]? FromLiteral(string text, out string? refusal)
    {
        refusal = null;
        var pieces = text.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length == 0 && text != "/")
        {
            refusal = "holds no segment";
            return null;
        }

        foreach (var piece in pieces)
        {
            if (piece == "." || piece == "..")
            {
                refusal = $"has the dot segment \"{piece}\", which System.Uri would resolve before the call is signed";
                return null;
            }

            if (piece.IndexOfAny(new[] { '?', '#' }) is var end and >= 0)
            {
                refusal = $"holds '{piece[end]}', which would end the path: pass query fields as option \"query\"";
                return null;
            }
        }

        return text.EndsWith("/", StringComparison.Ordinal) ? pieces.Concat(new[] { string.Empty }).ToArray() : pieces;
    }

    /// <summary>The path the segments make, as <c>PathTemplate.Append</c> joins them (a trailing empty segment is a trailing <c>/</c>).</summary>
    public static string Join(IEnumerable<string> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (text.Length > 0 && text[text.Length - 1] != '/')
            {
                text.Append('/');
            }
            else if (segment.Length == 0)
            {
                continue;
            }

            text.Append(segment);
        }

        return text.ToString();
    }

    /// <summary>The names inside <c>{…}</c> of a path, in order.</summary>
    public static IEnumerable<string> Placeholders(string path)
    {
        var start = 0;
        while (true)
        {
            var open = path.IndexOf('{', start);
            var close = open < 0 ? -1 : path.IndexOf('}', open + 1);
            if (close < 0)
            {
                yield break;
            }

            if (close > open + 1)
            {
                yield return path.Substring(open + 1, close - open - 1);
            }

            start = close + 1;
        }
    }

    /// <summary>The member that <see cref="FromMember"/> turns back into <paramref name="segment"/>, or null (then only a literal spells it).</summary>
    public static string? Member(string segment) => SegmentSpelling.ToMember(segment);

    /// <summary>The verb spelled like <paramref name="written"/> (lower, Pascal, sync, async) for <paramref name="method"/>.</summary>
    public static string VerbLike(string written, string method)
    {
        var lower = method.ToLowerInvariant();
        var name = char.IsLower(written[0]) ? lower : char.ToUpperInvariant(lower[0]) + lower.Substring(1);
        return written.EndsWith("Async", StringComparison.OrdinalIgnoreCase) ? name + "Async" : name;
    }

    private static Dictionary<string, string> BuildVerbs()
    {
        var verbs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var method in new[] { "GET", "POST", "PUT", "PATCH", "DELETE" })
        {
            var lower = method.ToLowerInvariant();
            var pascal = char.ToUpperInvariant(lower[0]) + lower.Substring(1);
            foreach (var name in new[] { lower, pascal, lower + "Async", pascal + "Async" })
            {
                verbs[name] = method;
            }
        }

        return verbs;
    }
}
