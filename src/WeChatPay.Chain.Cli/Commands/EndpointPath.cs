using System.Dynamic;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Cli.Commands;

/// <summary>
/// An endpoint as a person types it: a path (<c>v3/profitsharing/return-orders</c>, placeholders in braces or values
/// in their place) or a chain (<c>V3.Profitsharing.ReturnOrders</c>, <c>wx.v3.pay.transactions._out_trade_no_</c>),
/// spelled into segments by the library's own member rules.
/// </summary>
internal static class EndpointPath
{
    public static IChainNode Resolve(IChainNode root, string endpoint)
    {
        var text = endpoint.Trim().TrimStart('/');
        if (text.Length == 0)
        {
            throw new CliException("The endpoint is empty: give a path such as v3/pay/transactions/native, or a chain such as V3.Pay.Transactions.Native.");
        }

        if (text.Contains('/') || !text.Contains('.'))
        {
            return root.Chain(text);
        }

        var members = text.Split('.');
        object node = root;
        foreach (var member in members.AsSpan(members[0] is "wx" ? 1 : 0))
        {
            if (member.Length == 0 || !((DynamicObject)node).TryGetMember(new Member(member), out var next) || next is null)
            {
                throw new CliException($"The chain {endpoint} has an empty or unusable member: write it as V3.Pay.Transactions.Native, or as a path.");
            }

            node = next;
        }

        return (IChainNode)node;
    }

    /// <summary>The path of <paramref name="endpoint"/> without a client: for the catalogue commands.</summary>
    public static string PathOf(string endpoint) => Resolve(Unconfigured.Value, endpoint).Path;

    // A client that is never called, only asked to spell chains: test keys, no network.
    private static readonly Lazy<IChainNode> Unconfigured = new(() => Builder.Factory(new BuilderOptions { Mchid = "1900000109", Secret = new string('0', 32) }));

    private sealed class Member(string name) : GetMemberBinder(name, ignoreCase: false)
    {
        public override DynamicMetaObject FallbackGetMember(DynamicMetaObject target, DynamicMetaObject? errorSuggestion) =>
            throw new NotSupportedException("Only chain nodes are spelled here.");
    }
}
