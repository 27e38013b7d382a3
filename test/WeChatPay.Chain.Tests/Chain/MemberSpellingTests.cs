using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CSharp.RuntimeBinder;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Chain;

/// <summary>The member spelling messages suggest for a catalogued path is one the chain turns back into that path.</summary>
public partial class MemberSpellingTests
{
    [TestCase("v3/pay/transactions/out-trade-no/{out_trade_no}", "wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_")]
    [TestCase("v3/merchant-service/complaints-v2/{complaint_id}", "wx.V3.MerchantService.ComplaintsV2._complaint_id_")]
    [TestCase("v2/pay/micropay", "wx.V2.Pay.Micropay")]
    [TestCase("v2/mmpaysptrans/pay_bank", "wx.Chain(\"v2/mmpaysptrans/pay_bank\")")]
    [TestCase("v3/foo-2bar", "wx.Chain(\"v3/foo-2bar\")")]
    [TestCase("v2/xdc/apiv2getsignkey/sign/getSignKey", "wx.Chain(\"v2/xdc/apiv2getsignkey/sign/getSignKey\")")]
    [TestCase("v3/a--b", "wx.Chain(\"v3/a--b\")")]
    public void Spells_a_path_as_members_or_else_as_chain(string path, string spelled) =>
        Assert.That(MemberSpelling.Of(path), Is.EqualTo(spelled));

    [Test]
    public void Every_catalogued_path_spelled_as_members_builds_that_path()
    {
        IChainNode root = Builder.Factory(TestKeys.Options());
        var members = 0;
        foreach (var path in Catalogue.Operations.Select(operation => operation.Path).Distinct())
        {
            var spelled = MemberSpelling.Of(path);
            if (spelled.StartsWith("wx.Chain(", StringComparison.Ordinal))
            {
                Assert.That(spelled, Is.EqualTo($"wx.Chain(\"{path}\")"));
                continue;
            }

            Assert.That(spelled, Does.Match(Identifiers()), path);
            object node = root;
            foreach (var member in spelled.Split('.').Skip(1))
            {
                node = GetMember(node, member);
            }

            Assert.That(((IChainNode)node).Path, Is.EqualTo(path), spelled);
            members++;
        }

        Assert.That(members, Is.GreaterThan(900), "most catalogued paths have a member spelling");
    }

    /// <summary>Member access as <c>node.Member</c> compiles on a <c>dynamic</c> node.</summary>
    private static object GetMember(object node, string member)
    {
        var site = CallSite<Func<CallSite, object, object>>.Create(
            Binder.GetMember(CSharpBinderFlags.None, member, typeof(MemberSpellingTests), [CSharpArgumentInfo.Create(CSharpArgumentInfoFlags.None, null)]));
        return site.Target(site, node);
    }

    [GeneratedRegex(@"^wx(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex Identifiers();
}
