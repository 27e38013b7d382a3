using System.Text;

namespace WeChatPay.Chain;

/// <summary>How a C# member name becomes a URL segment, the way the PHP and Node SDKs spell them.</summary>
internal static class Segment
{
    /// <summary>
    /// <c>V3</c> → <c>v3</c>, <c>ReturnOrders</c> → <c>return-orders</c>, <c>ComplaintsV2</c> → <c>complaints-v2</c>,
    /// <c>_out_return_no_</c> → <c>{out_return_no}</c> (placeholders keep their case).
    /// </summary>
    public static string FromMember(string name)
    {
        if (name.Length > 2 && name[0] == '_' && name[^1] == '_')
        {
            return "{" + name[1..^1] + "}";
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

    /// <summary>Splits literal text on <c>/</c>, dropping empty pieces, with no case change.</summary>
    public static IEnumerable<string> FromLiteral(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        var pieces = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length == 0)
        {
            throw new ArgumentException($"The segment text \"{text}\" holds no segment.", parameterName);
        }

        return pieces;
    }
}
