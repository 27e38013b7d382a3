using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Chain;

/// <summary>
/// The verbs as PHP and Node write them (<c>post</c>, <c>postAsync</c>): invoked on a dynamic node they send, in any
/// position; accessed as members they are segments, like any other name.
/// </summary>
public class VerbSpellingTests : HttpTestFixture
{
    [SetUp]
    public void RespondSigned() => Http.RespondSigned("{}", Time);

    private string SentLine()
    {
        var message = Sent.HttpRequestMessage;
        return $"{message.Method} {message.RequestUri!.PathAndQuery}";
    }

    public static IEnumerable<TestCaseData> Spellings()
    {
        yield return Case("get", "GET", false, (n, o) => n.get(o));
        yield return Case("post", "POST", false, (n, o) => n.post(o));
        yield return Case("put", "PUT", false, (n, o) => n.put(o));
        yield return Case("patch", "PATCH", false, (n, o) => n.patch(o));
        yield return Case("delete", "DELETE", false, (n, o) => n.delete(o));
        yield return Case("getAsync", "GET", true, (n, o) => n.getAsync(o));
        yield return Case("postAsync", "POST", true, (n, o) => n.postAsync(o));
        yield return Case("putAsync", "PUT", true, (n, o) => n.putAsync(o));
        yield return Case("patchAsync", "PATCH", true, (n, o) => n.patchAsync(o));
        yield return Case("deleteAsync", "DELETE", true, (n, o) => n.deleteAsync(o));

        static TestCaseData Case(string verb, string method, bool isAsync, Func<dynamic, object?, object> call) =>
            new TestCaseData(method, isAsync, call).SetArgDisplayNames(verb);
    }

    [TestCaseSource(nameof(Spellings))]
    public async Task Each_lower_case_spelling_sends_its_method_to_the_node_path(string method, bool isAsync, Func<dynamic, object?, object> call)
    {
        var result = call(Wx.V3.Merchant.Items._item_id_, new { item_id = "I1", query = new { limit = 1 } });

        Assert.That(result, isAsync ? Is.InstanceOf<Task<WeChatPayResponse>>() : Is.InstanceOf<WeChatPayResponse>());
        var response = isAsync ? await (Task<WeChatPayResponse>)result : (WeChatPayResponse)result;
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(SentLine(), Is.EqualTo($"{method} /v3/merchant/items/I1?limit=1"));
    }

    [Test]
    public void A_lower_case_verb_sends_from_the_root()
    {
        WeChatPayResponse res = Wx.get();
        Assert.That(res.StatusCode, Is.EqualTo(200));
        Assert.That(SentLine(), Is.EqualTo("GET /"));
    }

    [Test]
    public async Task A_lower_case_verb_sends_deep_in_a_member_chain()
    {
        await Wx.V3.Profitsharing.ReturnOrders.postAsync(new { json = new { out_return_no = "R1" } });
        Assert.That(SentLine(), Is.EqualTo("POST /v3/profitsharing/return-orders"));
        Assert.That(Sent.RequestBody, Is.EqualTo("""{"out_return_no":"R1"}"""));
    }

    [Test]
    public async Task A_lower_case_verb_sends_after_the_indexer_and_chain()
    {
        await Wx["v3/pay"].Transactions["out-trade-no/Order_AbC1"].getAsync(new { query = new { mchid = "1900000109" } });
        Assert.That(SentLine(), Is.EqualTo("GET /v3/pay/transactions/out-trade-no/Order_AbC1?mchid=1900000109"));

        Http.RespondSigned("{}", Time);
        Wx.Chain("v3/pay/transactions/id").Chain("{transaction_id}").get(new { transaction_id = "4200000001" });
        Assert.That(Http.CallLog[^1].HttpRequestMessage.RequestUri!.PathAndQuery, Is.EqualTo("/v3/pay/transactions/id/4200000001"));
    }

    [Test]
    public async Task A_lower_case_verb_sends_after_a_placeholder_member()
    {
        await Wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.Close.postAsync(new { out_trade_no = "T1", json = new { mchid = "1900000109" } });
        Assert.That(SentLine(), Is.EqualTo("POST /v3/pay/transactions/out-trade-no/T1/close"));

        Http.RespondSigned("{}", Time);
        Wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.get(new { out_trade_no = "T1", query = new { mchid = "1900000109" } });
        Assert.That(Http.CallLog[^1].HttpRequestMessage.RequestUri!.PathAndQuery, Is.EqualTo("/v3/pay/transactions/out-trade-no/T1?mchid=1900000109"));
    }

    [Test]
    public async Task A_verb_name_under_member_access_is_a_segment()
    {
        await Wx.V3.Foo.post.PostAsync();
        Assert.That(SentLine(), Is.EqualTo("POST /v3/foo/post"));

        Http.RespondSigned("{}", Time);
        await Wx.V3.Foo.deleteAsync.Items.GetAsync();
        Assert.That(Http.CallLog[^1].HttpRequestMessage.RequestUri!.PathAndQuery, Is.EqualTo("/v3/foo/delete-async/items"));
    }

    [Test]
    public async Task Awaiting_the_sync_post_gives_its_response_as_in_node()
    {
        WeChatPayResponse res = await Wx.V3.Pay.Transactions.Native.post(new { json = new { mchid = "1900000109", out_trade_no = "T1" } });

        Assert.That(res.StatusCode, Is.EqualTo(200));
        Assert.That(SentLine(), Is.EqualTo("POST /v3/pay/transactions/native"));
        Assert.That(Http.CallLog, Has.Count.EqualTo(1), "awaiting the response sends nothing more");
    }

    [Test]
    public void A_response_awaiter_is_already_complete_with_the_response_itself()
    {
        WeChatPayResponse res = Wx.V3.Foo.Get();
        var awaiter = res.GetAwaiter();
        Assert.That(awaiter.IsCompleted, Is.True);
        Assert.That(awaiter.GetResult(), Is.SameAs(res));
    }

    [Test]
    public async Task A_lower_case_verb_takes_named_arguments()
    {
        using var cancellation = new CancellationTokenSource();
        await Wx.V3.Foo.postAsync(cancellationToken: cancellation.Token, options: new { json = new { a = 1 } });
        Assert.That(SentLine(), Is.EqualTo("POST /v3/foo"));
        Assert.That(Sent.RequestBody, Is.EqualTo("""{"a":1}"""));
    }

    [Test]
    public void A_lower_case_verb_honours_its_cancellation_token()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.That(() => (Task)Wx.V3.Foo.getAsync(null, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Wrong_arguments_name_the_verb_and_what_it_takes_without_quoting_them()
    {
        var error = Assert.Throws<ArgumentException>(() => Wx.V3.Foo.post(new { json = new { } }, V2.Secret));
        Assert.That(error!.Message, Does.StartWith("post on v3/foo sends POST and takes (options) or (options, CancellationToken); got (an anonymous object, String)."));
        Assert.That(error.Message, Does.Not.Contain(V2.Secret));

        error = Assert.Throws<ArgumentException>(() => Wx.V3.Foo.getAsync(1, 2, 3));
        Assert.That(error!.Message, Does.StartWith("getAsync on v3/foo sends GET and takes (options) or (options, CancellationToken); got (Int32, Int32, Int32)."));

        error = Assert.Throws<ArgumentException>(() => Wx.V3.Foo.delete(body: "x"));
        Assert.That(error!.Message, Does.Contain("got (body: String)"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public void A_pascal_case_verb_whose_arguments_do_not_bind_is_refused_not_posted_as_a_segment()
    {
        var error = Assert.Throws<ArgumentException>(() => Wx.V3.Foo.Post(new { }, "not a token"));
        Assert.That(error!.Message, Does.StartWith("Post on v3/foo sends POST and takes"));
        Assert.That(Http.CallLog, Is.Empty);
    }
}
