using System;
using System.Linq;
using System.Text;

namespace WeChatPay.Chain;

/// <summary>
/// How a C# member name is spelled as a URL segment, and back. This one file is compiled into the library and into the
/// chain analyzer (WeChatPay.Chain.Analyzers links it), so the compile-time check spells exactly as the run time does;
/// it is written for netstandard2.0 as well. Checking the result is the caller's business (<see cref="Segment"/>).
/// </summary>
internal static class SegmentSpelling
{
    /// <summary>
    /// <c>V3</c> → <c>v3</c>, <c>ReturnOrders</c> → <c>return-orders</c>, <c>ComplaintsV2</c> → <c>complaints-v2</c>,
    /// <c>_out_return_no_</c> → <c>{out_return_no}</c> (placeholders keep their case).
    /// </summary>
    public static string FromMember(string name)
    {
        if (name.Length > 2 && name[0] == '_' && name[name.Length - 1] == '_')
        {
            return "{" + name.Substring(1, name.Length - 2) + "}";
        }

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The member that <see cref="FromMember"/> turns back into <paramref name="segment"/>, or null when none does (an
    /// <c>_</c>, a digit after a <c>-</c>, a capital): then only a literal spells it.
    /// </summary>
    public static string? ToMember(string segment)
    {
        string member;
        if (segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
        {
            member = "_" + segment.Substring(1, segment.Length - 2) + "_";
            if (!member.All(c => IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return null;
            }
        }
        else if (segment.Length > 0 && IsAsciiLower(segment[0]) && segment.All(c => IsAsciiLower(c) || IsAsciiDigit(c) || c == '-'))
        {
            member = string.Concat(segment.Split('-').Select(piece => piece.Length == 0 ? piece : char.ToUpperInvariant(piece[0]) + piece.Substring(1)));
        }
        else
        {
            return null;
        }

        return FromMember(member) == segment ? member : null;
    }

    private static bool IsAsciiLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLower(c) || c is >= 'A' and <= 'Z' || IsAsciiDigit(c);
}
