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
            if (SegmentSpelling.ToMember(segment) is not { } member)
            {
                return $"wx.Chain(\"{path}\")";
            }

            builder.Append('.').Append(member);
        }

        return builder.ToString();
    }
}
