namespace WeChatPay.Chain.Tests.Analyzers;

/// <summary>
/// What the analyzer must leave alone: dynamic objects that are not WeChat Pay chains (whatever their members are
/// called), nodes it cannot trace, and correct calls in every spelling the run time accepts.
/// </summary>
public class NotAChainTests
{
    public static IEnumerable<TestCaseData> NotChains() =>
    [
        new TestCaseData("""
            dynamic wx = new ExpandoObject();
            wx.V3 = new ExpandoObject();
            await wx.V3.Profitsharing.ReturnOrders.GetAsync();
            wx.V3.Foo.Postasync();
            await wx.Chain("v3/nowhere").PostAsync(new { Json = 1, out_retrun_no = 2 });
            await wx;
            """).SetName("An ExpandoObject named wx"),
        new TestCaseData("""
            dynamic wx = Other.Builder.Factory();
            await wx.V3.Profitsharing.ReturnOrder.GetAsync(new { json = new { out_retrun_no = 1 } });
            await wx["v3/nowhere"].DeleteAsync();
            """).SetName("Another library's Builder.Factory"),
        new TestCaseData("""
            dynamic wx = new Other.ChainNode();
            await wx.V3.Profitsharing.ReturnOrder.PostAsync();
            await wx.Chain("v3/nowhere").GetAsync();
            """).SetName("Another library's dynamic ChainNode"),
        new TestCaseData("""
            dynamic wx = Newtonsoft.Json.Linq.JObject.Parse("{}");
            var x = wx.V3.Pay.Transaction.Native;
            wx.V3.Pay.Transaction.Native.PostAsync();
            """).SetName("A JObject used dynamically"),
        new TestCaseData("""
            await Helper(Builder.Factory(options));
            static async Task Helper(dynamic node) => await node.V3.Nowhere.PostAsync();
            """).SetName("A dynamic parameter, even one handed a node"),
        new TestCaseData("""
            dynamic wx = Builder.Factory(options);
            var pick = DateTime.Now.Second > 30 ? wx.V3.Profitsharing.ReturnOrders : wx.V3.Nowhere;
            await pick.GetAsync();
            string path = Console.ReadLine()!;
            await wx.Chain(path).Nowhere.PostAsync();
            await wx[path].DeleteAsync(new { anything = 1 });
            """).SetName("Nodes whose path the code does not spell"),
        new TestCaseData("""
            IChainNode below = Builder.Factory(options).Chain("v3/profitsharing");
            await Below(below);
            static async Task Below(IChainNode node) => await node.Chain("return-orders").PostAsync();
            """).SetName("An IChainNode parameter whose paths do not start at the root"),
    ];

    public static IEnumerable<TestCaseData> Correct() =>
    [
        new TestCaseData("""await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P1", out_return_no = "R1", return_mchid = "86693852", amount = 10, description = "d" } });""").SetName("Member chain, full body"),
        new TestCaseData("""await wx.V3.Profitsharing.ReturnOrders._out_return_no_.getAsync(new { out_return_no = "R1", query = new { out_order_no = "P1" } });""").SetName("Placeholder member and a ported verb"),
        new TestCaseData("""await wx.Chain("v3/profitsharing/return-orders/{no}").GetAsync(new { no = "R1", query = new { out_order_no = "P1" } });""").SetName("A placeholder of another name"),
        new TestCaseData("""await wx.V3.Pay.Transactions.OutTradeNo["{out_trade_no}"].Close.post(new { out_trade_no = "T1", json = new { mchid = "1900000109" } });""").SetName("Placeholder in an indexer between members"),
        new TestCaseData("""await wx.Chain("v3/pay/transactions/out-trade-no/1217752501201407033233368018").GetAsync(new { query = new { mchid = "1900000109" } });""").SetName("A value where the catalogue has a placeholder"),
        new TestCaseData("""await wx.V3.Applyment4sub.Applyment["/"].PostAsync(); await wx.Chain("v3/applyment4sub/applyment/").PostAsync();""").SetName("Trailing slash"),
        new TestCaseData("""await wx["v2/pay/orderquery"].PostAsync(new { xml = new { appid = "wx1", mch_id = "1900000109", transaction_id = "4200", out_trade_no = "T1" }, security = false });""").SetName("APIv2 with xml, nonce_str and sign left to the library"),
        new TestCaseData("""const string Pay = "v3/pay/"; await typed.Chain(Pay + "transactions/native").PostAsync(null);""").SetName("Constant concatenation on a typed node"),
        new TestCaseData("""await wx.V3.Profitsharing.ReturnOrders(new { json = new { out_order_no = "P1", out_return_no = "R1", return_mchid = "86693852", amount = 10, description = "d" } });""").SetName("Shortland POST"),
        new TestCaseData("""var res = await wx.V3.Bill.Tradebill.GetAsync(new { query = new { bill_date = "2026-11-22" } }); string url = res.Data.download_url; await Download.BillAsync(typed, res);""").SetName("Results used dynamically"),
        new TestCaseData("""var names = Catalogue.OnPath(wx.V3.Pay.Transactions.Native); var post = wx.V3.Foo.post; var again = post;""").SetName("Nodes that are only built, not called"),
    ];

    [TestCaseSource(nameof(NotChains))]
    public async Task Says_nothing_about_code_that_is_not_a_traced_chain(string body) => await AssertSilent(body);

    [TestCaseSource(nameof(Correct))]
    public async Task Says_nothing_about_correct_calls(string body) => await AssertSilent("dynamic wx = Builder.Factory(options);\n" + body);

    private static async Task AssertSilent(string body)
    {
        var source = $$"""
            using System.Dynamic;
            using WeChatPay.Chain;

            namespace Other
            {
                public static class Builder { public static dynamic Factory() => new ExpandoObject(); }
                public sealed class ChainNode : DynamicObject { }
            }

            public static class Calls
            {
                public static async Task Run(BuilderOptions options, IChainNode typed)
                {
            {{body}}
                }
            }
            """;
        var compilation = AnalyzerHarness.Compile([("Silent.cs", source)], AnalyzerHarness.Usings);
        Assert.That(AnalyzerHarness.Errors(compilation).Select(d => d.ToString()), Is.Empty, "the code compiles");
        Assert.That((await AnalyzerHarness.AnalyzeAsync(compilation)).Select(d => d.ToString()), Is.Empty);
    }
}
