using System.Text;

namespace WeChatPay.Chain;

/// <summary>
/// How a catalogued path is written as a member chain, for messages that suggest one: <c>v3/pay/transactions/out-trade-no/{out_trade_no}</c>
/// → <c>wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_</c>. A path with a segment no member spells back (an
/// <c>_</c>, a digit after a <c>-</c>, a capital) is written <c>wx.Chain("…")</c> instead.
/// </summary>
internal static class MemberSpelling
{
    public static string Of(string path)
    {
        var builder = new StringBuilder("wx", path.Length + 8);
        foreach (var segment in path.Split('/'))
        {
            if (Member(segment) is not { } member)
            {
                return $"wx.Chain(\"{path}\")";
            }

            builder.Append('.').Append(member);
        }

        return builder.ToString();
    }

    /// <summary>The member that <see cref="Segment.FromMember"/> turns back into <paramref name="segment"/>, or null.</summary>
    private static string? Member(string segment)
    {
        string member;
        if (Catalogue.IsPlaceholder(segment))
        {
            member = "_" + segment[1..^1] + "_";
            if (!member.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return null;
            }
        }
        else if (segment.Length > 0 && char.IsAsciiLetterLower(segment[0]) && segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            member = string.Concat(segment.Split('-').Select(piece => piece.Length == 0 ? piece : char.ToUpperInvariant(piece[0]) + piece[1..]));
        }
        else
        {
            return null;
        }

        try
        {
            return Segment.FromMember(member) == segment ? member : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
