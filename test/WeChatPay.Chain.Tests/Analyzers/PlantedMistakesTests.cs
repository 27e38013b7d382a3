using Microsoft.CodeAnalysis;

namespace WeChatPay.Chain.Tests.Analyzers;

/// <summary>
/// Mistakes planted in otherwise good code, each found at its span with its id, in every way of writing a path
/// (member chain, <c>Chain("…")</c>, indexer, constant concatenation, placeholders) and on every kind of node the
/// analyzer traces; where a fix applies, applying it through the Workspaces API leaves code that compiles with no finding.
/// </summary>
public class PlantedMistakesTests
{
    public static IEnumerable<Planted> Mistakes() =>
    [
        // WCP001, member chains, on each kind of node.
        new("Member chain on a dynamic local", """await wx.V3.Ecommerce.Profitsharing.[|ReturnOrders|].PostAsync();""", ["WCP001"],
            """await wx.V3.Ecommerce.Profitsharing.Returnorders.PostAsync();"""),
        new("Member chain with a placeholder after the typo", """await wx.V3.Profitsharing.[|ReturnOrder|]._out_return_no_.GetAsync(new { out_return_no = "R1" });""", ["WCP001"],
            """await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "R1" });"""),
        new("Member chain through a local node", """var pay = wx.V3.Pay; await pay.[|Transaction|].Native.PostAsync();""", ["WCP001"],
            """var pay = wx.V3.Pay; await pay.Transactions.Native.PostAsync();"""),
        new("Member chain on a dynamic field", """await _wx.V3.Pay.Transactions.[|Natve|].PostAsync();""", ["WCP001"],
            """await _wx.V3.Pay.Transactions.Native.PostAsync();"""),
        new("Member chain on an IChainNode property cast to dynamic", """await ((dynamic)Node).V3.[|Refunds|].Domestic.Refunds.PostAsync();""", ["WCP001"],
            """await ((dynamic)Node).V3.Refund.Domestic.Refunds.PostAsync();"""),
        new("Member invoked as the Node SDK's shortland POST", """await wx.V3.Pay.Transactions.[|Natives|]();""", ["WCP001"],
            """await wx.V3.Pay.Transactions.Native();"""),
        new("Member chain handed to the library", """Catalogue.OnPath(wx.V3.Bill.[|Tradebills|]);""", ["WCP001"],
            """Catalogue.OnPath(wx.V3.Bill.Tradebill);"""),

        // WCP001, literals and constants.
        new("Chain literal", """await wx.Chain([|"v3/ecommerce/profitsharing/return-orders"|]).PostAsync();""", ["WCP001"],
            """await wx.Chain("v3/ecommerce/profitsharing/returnorders").PostAsync();"""),
        new("Chain literal on a typed node", """await typed.Chain([|"v3/pay/transaction/native"|]).PostAsync();""", ["WCP001"],
            """await typed.Chain("v3/pay/transactions/native").PostAsync();"""),
        new("Chain literal on an injected node", """await injected.Chain([|"v3/profitsharing/returnorders"|]).PostAsync();""", ["WCP001"],
            """await injected.Chain("v3/profitsharing/return-orders").PostAsync();"""),
        new("Chain literal on the service provider's node", """await services.GetRequiredService<IChainNode>().Chain([|"v3/merchant/media/uploads"|]).PostAsync();""", ["WCP001"],
            """await services.GetRequiredService<IChainNode>().Chain("v3/merchant/media/upload").PostAsync();"""),
        new("Chain literal handed to the library", """Catalogue.OnPath(typed.Chain([|"v3/pay/transaction/native"|]));""", ["WCP001"],
            """Catalogue.OnPath(typed.Chain("v3/pay/transactions/native"));"""),
        new("Indexer literal", """await wx[[|"v3/profitsharing/return-order"|]].PostAsync();""", ["WCP001"],
            """await wx["v3/profitsharing/return-orders"].PostAsync();"""),
        new("Indexer literal on a typed node", """await typed[[|"v2/pay/micropays"|]].PostAsync();""", ["WCP001"],
            """await typed["v2/pay/micropay"].PostAsync();"""),
        new("Indexer literal after members", """await wx.V3.Profitsharing[[|"returnorders"|]].PostAsync();""", ["WCP001"],
            """await wx.V3.Profitsharing["return-orders"].PostAsync();"""),
        new("Constant concatenation", """await wx.Chain([|Base + "return-order"|]).PostAsync();""", ["WCP001"]),
        new("Constant interpolation in an indexer", """await wx[[|$"{Base}returnorder"|]].PostAsync();""", ["WCP001"]),
        new("Literal placeholder in a misspelt path", """await wx.Chain([|"v3/profitsharing/return-order/{no}"|]).GetAsync(new { no = "R1" });""", ["WCP001"],
            """await wx.Chain("v3/profitsharing/return-orders/{no}").GetAsync(new { no = "R1" });"""),

        // WCP002: a verb the path does not offer.
        new("GetAsync on a POST path", """await wx.V3.Profitsharing.ReturnOrders.[|GetAsync|]();""", ["WCP002"],
            """await wx.V3.Profitsharing.ReturnOrders.PostAsync();"""),
        new("PHP's get on a POST path", """wx.V3.Profitsharing.ReturnOrders.[|get|]();""", ["WCP002"],
            """wx.V3.Profitsharing.ReturnOrders.post();"""),
        new("DeleteAsync on a typed node", """await typed.Chain("v3/profitsharing/return-orders").[|DeleteAsync|]();""", ["WCP002"],
            """await typed.Chain("v3/profitsharing/return-orders").PostAsync();"""),
        new("postAsync on a GET path with a placeholder", """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.[|postAsync|](new { out_trade_no = "T1" });""", ["WCP002"],
            """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.getAsync(new { out_trade_no = "T1" });"""),
        new("DeleteAsync on a path with three verbs", """await wx.Global.V3.Customs.Orders.[|DeleteAsync|]();""", ["WCP002"],
            """await wx.Global.V3.Customs.Orders.PatchAsync();""", "Use PatchAsync"),

        // WCP007: a verb misspelt, which the run time would take for a segment.
        new("Postasync", """await wx.V3.Profitsharing.ReturnOrders.[|Postasync|]();""", ["WCP007"],
            """await wx.V3.Profitsharing.ReturnOrders.PostAsync();"""),
        new("POST in capitals", """wx.V3.Profitsharing.ReturnOrders.[|POST|]();""", ["WCP007"],
            """wx.V3.Profitsharing.ReturnOrders.Post();"""),
        new("PostAsnyc", """await wx.V3.Profitsharing.ReturnOrders.[|PostAsnyc|]();""", ["WCP007"],
            """await wx.V3.Profitsharing.ReturnOrders.PostAsync();"""),

        // WCP005 and WCP006: placeholders and options.
        new("Placeholder with no option", """await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync([|new { query = new { out_order_no = "P1" } }|]);""", ["WCP005"]),
        new("Literal placeholder and no options", """await wx.Chain("v3/profitsharing/return-orders/{out_return_no}").[|GetAsync|]();""", ["WCP005"]),
        new("Placeholder option misspelt", """await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { [|out_retrun_no|] = "R1" });""", ["WCP006"],
            """await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "R1" });"""),
        new("Option in the wrong case", """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.Close.PostAsync(new { out_trade_no = "T1", [|Json|] = new { mchid = "1900000109" } });""", ["WCP006"],
            """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.Close.PostAsync(new { out_trade_no = "T1", json = new { mchid = "1900000109" } });"""),
        new("Body field passed as an option, the Node way", """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.Close.PostAsync(new { out_trade_no = "T1", [|mchid|] = "1900000109" });""", ["WCP006"]),

        // WCP003 and WCP004: fields of json, query and xml.
        new("json field misspelt", """await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P1", [|out_retrun_no|] = "R1", return_mchid = "86693852", amount = 10, description = "d" } });""", ["WCP003"],
            """await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P1", out_return_no = "R1", return_mchid = "86693852", amount = 10, description = "d" } });"""),
        new("query field misspelt", """await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "R1", query = new { [|out_ordr_no|] = "P1" } });""", ["WCP003"],
            """await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "R1", query = new { out_order_no = "P1" } });"""),
        new("xml field misspelt", """await wx["v2/pay/orderquery"].PostAsync(new { xml = new { appid = "wx1", mch_id = "1900000109", transaction_id = "4200", out_trade_no = "T1", [|sign_typ|] = "MD5" } });""", ["WCP003"],
            """await wx["v2/pay/orderquery"].PostAsync(new { xml = new { appid = "wx1", mch_id = "1900000109", transaction_id = "4200", out_trade_no = "T1", sign_type = "MD5" } });"""),
        new("Nested json field misspelt", """await wx.V3.Refund.Domestic.Refunds.PostAsync(new { json = new { out_trade_no = "T1", out_refund_no = "R1", amount = new { refund = 1, [|totl|] = 1, currency = "CNY" } } });""", ["WCP003"],
            """await wx.V3.Refund.Domestic.Refunds.PostAsync(new { json = new { out_trade_no = "T1", out_refund_no = "R1", amount = new { refund = 1, total = 1, currency = "CNY" } } });"""),
        new("Inferred member name misspelt", """var out_retrun_no = "R1"; await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P1", [|out_retrun_no|], return_mchid = "86693852", amount = 10, description = "d" } });""", ["WCP003"],
            """var out_retrun_no = "R1"; await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P1", out_return_no = out_retrun_no, return_mchid = "86693852", amount = 10, description = "d" } });"""),
        new("Field misspelt in a body built beforehand", """var body = new { out_order_no = "P1", out_return_no = "R1", return_mchid = "86693852", amount = 10, [|descripton|] = "d" }; await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = body });""", ["WCP003"],
            """var body = new { out_order_no = "P1", out_return_no = "R1", return_mchid = "86693852", amount = 10, description = "d" }; await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = body });"""),
        new("Required json field missing", """await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { [|json|] = new { out_order_no = "P1", out_return_no = "R1", amount = 10, description = "d" } });""", ["WCP004"]),
        new("Required query field missing", """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.GetAsync(new { out_trade_no = "T1", [|query|] = new { } });""", ["WCP004"]),

        // WCP009: options the run time refuses for the call.
        new("xml on an APIv3 path", """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.Close.PostAsync(new { out_trade_no = "T1", json = new { mchid = "1" }, [|xml|] = new { mchid = "1" } });""", ["WCP009"]),
        new("json on GET", """await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.GetAsync(new { out_trade_no = "T1", [|json|] = new { mchid = "1" } });""", ["WCP009"]),
        new("json on an APIv2 path", """await wx.V2.Pay.Orderquery.PostAsync(new { [|json|] = new { appid = "wx1" } });""", ["WCP009"]),

        // WCP008: a node awaited.
        new("Node awaited", """await [|wx.V3.Pay.Transactions.Native|];""", ["WCP008"]),
        new("Local node awaited", """var node = wx.V3.Pay.Transactions.Native; await [|node|];""", ["WCP008"]),
        new("Node's ConfigureAwait", """wx.V3.Pay.Transactions.Native.[|ConfigureAwait|](false);""", ["WCP008"]),
    ];

    [TestCaseSource(nameof(Mistakes))]
    public async Task Finds_the_planted_mistake_where_it_is(Planted planted)
    {
        var compilation = AnalyzerHarness.Compile([("Planted.cs", planted.Source)], AnalyzerHarness.Usings);
        Assert.That(AnalyzerHarness.Errors(compilation), Is.Empty, "the planted code compiles");

        var found = (await AnalyzerHarness.AnalyzeAsync(compilation)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        var text = compilation.SyntaxTrees[0].GetText();
        Assert.That(
            found.Select(d => (d.Id, text.ToString(d.Location.SourceSpan), d.Location.GetLineSpan().Span)),
            Is.EqualTo(planted.Ids.Zip(planted.Spans, (id, span) => (id, text.ToString(span), text.Lines.GetLinePositionSpan(span)))),
            string.Join("\n", found.Select(d => d.ToString())));
    }

    [TestCaseSource(nameof(Fixable))]
    public async Task Fix_turns_the_mistake_into_code_that_compiles_clean(Planted planted)
    {
        var compilation = AnalyzerHarness.Compile([("Planted.cs", planted.Source)], AnalyzerHarness.Usings);
        var diagnostic = (await AnalyzerHarness.AnalyzeAsync(compilation)).First(d => d.Severity == DiagnosticSeverity.Warning);

        var fixedSource = await AnalyzerHarness.FixAsync(planted.Source, diagnostic, planted.FixTitle);

        Assert.That(fixedSource, Is.EqualTo(planted.FixedSource));
        var recompiled = AnalyzerHarness.Compile([("Fixed.cs", fixedSource)], AnalyzerHarness.Usings);
        Assert.That(AnalyzerHarness.Errors(recompiled), Is.Empty);
        Assert.That((await AnalyzerHarness.AnalyzeAsync(recompiled)).Select(d => d.ToString()), Is.Empty);
    }

    [TestCaseSource(nameof(Unfixable))]
    public async Task No_fix_is_offered_where_the_code_cannot_be_mended_by_an_edit(Planted planted)
    {
        var compilation = AnalyzerHarness.Compile([("Planted.cs", planted.Source)], AnalyzerHarness.Usings);
        var diagnostic = (await AnalyzerHarness.AnalyzeAsync(compilation)).First();
        Assert.That(diagnostic.AdditionalLocations, Is.Empty);
    }

    [Test]
    public void Every_diagnostic_and_every_way_of_writing_a_path_is_planted()
    {
        var planted = Mistakes().ToList();
        Assert.That(planted, Has.Count.GreaterThanOrEqualTo(30));
        Assert.That(planted.SelectMany(p => p.Ids).Distinct().Order(), Is.EqualTo(new WeChatPay.Chain.Analyzers.ChainAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order()));
        Assert.That(planted.Select(p => p.Body), Has.Some.Contains(".Chain([|").And.Some.Contains("[[|").And.Some.Contains("Base +").And.Some.Contains("_out_return_no_").And.Some.Contains("{no}"));
    }

    public static IEnumerable<Planted> Fixable() => Mistakes().Where(p => p.Fixed is not null);

    public static IEnumerable<Planted> Unfixable() => Mistakes().Where(p => p.Fixed is null && p.Ids[0] is "WCP001" or "WCP006");
}
