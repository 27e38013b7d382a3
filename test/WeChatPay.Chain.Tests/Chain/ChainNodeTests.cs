using Flurl.Http.Testing;
using Microsoft.CSharp.RuntimeBinder;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Chain;

/// <summary>What member access, invocation and the verbs do on a node, seen on the wire.</summary>
public class ChainNodeTests : HttpTestFixture
{
    private const string Body = "{}";

    [SetUp]
    public void RespondSigned() => Http.RespondSigned(Body, Time);

    private string SentLine()
    {
        var message = Sent.HttpRequestMessage;
        return $"{message.Method} {message.RequestUri!.PathAndQuery}";
    }

    [Test]
    public async Task Verb_words_are_segments_under_member_access()
    {
        await Wx.V3.Foo.Delete.PostAsync();
        Assert.That(SentLine(), Is.EqualTo("POST /v3/foo/delete"));
    }

    [Test]
    public async Task Verb_methods_send_with_their_method()
    {
        await Wx.V3.Foo.DeleteAsync();
        Assert.That(SentLine(), Is.EqualTo("DELETE /v3/foo"));
    }

    [TestCase("Put", "PUT")]
    [TestCase("Patch", "PATCH")]
    [TestCase("Delete", "DELETE")]
    [TestCase("Get", "GET")]
    public void Sync_verbs_send_with_their_method(string verb, string method)
    {
        IChainNode node = Wx.V3.Foo;
        var send = typeof(IChainNode).GetMethod(verb)!;
        send.Invoke(node, [null, CancellationToken.None]);
        Assert.That(SentLine(), Is.EqualTo($"{method} /v3/foo"));
    }

    [Test]
    public async Task Invoking_a_node_posts_it()
    {
        await Wx.V3.Marketing.Favor.Users._openid_.Coupons(new { openid = "o-x", json = new { stock_id = "9856000" } });
        Assert.That(SentLine(), Is.EqualTo("POST /v3/marketing/favor/users/o-x/coupons"));
        Assert.That(Http.CallLog.Single().RequestBody, Is.EqualTo("""{"stock_id":"9856000"}"""));
    }

    [Test]
    public async Task Invoking_a_held_node_posts_it()
    {
        var node = Wx.V3.Foo;
        await node(new { json = new { a = 1 } });
        Assert.That(SentLine(), Is.EqualTo("POST /v3/foo"));
    }

    [Test]
    public async Task Chain_and_indexer_keep_case_and_mix_with_members()
    {
        await Wx.V3.Pay.Transactions["out-trade-no/Order_AbC1"].Chain("Close").PostAsync(new { json = new { mchid = "1900000109" } });
        Assert.That(SentLine(), Is.EqualTo("POST /v3/pay/transactions/out-trade-no/Order_AbC1/Close"));
    }

    [Test]
    public async Task A_trailing_slash_the_platform_expects_reaches_the_wire_and_the_signature()
    {
        await Wx.V3.Applyment4sub.Applyment["/"].PostAsync(new { json = new { business_code = "APPLY_1" } });
        await Wx.Chain("v3/applyment4sub/applyment/").PostAsync(new { json = new { business_code = "APPLY_2" } });

        Assert.That(Http.CallLog, Has.Count.EqualTo(2));
        foreach (var (call, code) in Http.CallLog.Zip(new[] { "APPLY_1", "APPLY_2" }))
        {
            Assert.That(call.HttpRequestMessage.RequestUri!.PathAndQuery, Is.EqualTo("/v3/applyment4sub/applyment/"));
            SentRequest.Parse(call.Request.Headers.FirstOrDefault("Authorization")).AssertSigned("POST", "/v3/applyment4sub/applyment/", $"{{\"business_code\":\"{code}\"}}");
        }
    }

    [Test]
    public void Awaiting_a_node_without_a_verb_says_to_call_one()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(async () => await Wx.V3.Foo);
        Assert.That(error!.Message, Does.Contain("call a verb"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [TestCase("ToString")]
    [TestCase("GetHashCode")]
    [TestCase("GetType")]
    [TestCase("Equals")]
    [TestCase("GetAwaiter")]
    [TestCase("ToDump")]
    [TestCase("Dump")]
    public void Runtime_members_are_never_segments(string member)
    {
        var site = System.Runtime.CompilerServices.CallSite<Func<System.Runtime.CompilerServices.CallSite, object, object>>.Create(
            Binder.GetMember(CSharpBinderFlags.None, member, typeof(ChainNodeTests), [CSharpArgumentInfo.Create(CSharpArgumentInfoFlags.None, null)]));
        Assert.Throws<RuntimeBinderException>(() => site.Target(site, Wx.V3));
    }

    [Test]
    public void Runtime_methods_keep_their_meaning()
    {
        Assert.That(Wx.V3.Profitsharing.ReturnOrders.ToString(), Is.EqualTo("v3/profitsharing/return-orders"));
        Assert.That(Wx.V3.GetType(), Is.EqualTo(typeof(ChainNode)));
        Assert.That(Wx.V3.Equals(Wx.V3), Is.True);
    }

    [Test]
    public void Dump_on_a_dynamic_node_explains_itself()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Wx.V3.Dump());
        Assert.That(error!.Message, Does.Contain("((object)node).Dump()"));
    }

    [Test]
    public void Member_nodes_are_cached_and_shared_across_threads()
    {
        var nodes = new object[64];
        Parallel.For(0, nodes.Length, i => nodes[i] = Wx.V3.Profitsharing.ReturnOrders);
        Assert.That(nodes.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_calls_on_one_node_are_signed_separately()
    {
        Http.Dispose();
        using var http = new HttpTest();
        for (var i = 0; i < 16; i++)
        {
            http.RespondSigned(Body, Time);
        }

        IChainNode node = Wx.V3.Foo;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => node.GetAsync(new { query = new { i } })));
        var nonces = http.CallLog.Select(c => SentRequest.Parse(c.HttpRequestMessage.Headers.Authorization!.ToString()).Nonce);
        Assert.That(nonces.Distinct().Count(), Is.EqualTo(16));
    }

    [Test]
    public async Task Typed_handle_works_without_dynamic()
    {
        IChainNode wx = Builder.Factory(TestKeys.Options(Time));
        var node = wx.Chain("v3/profitsharing/return-orders")["{out_return_no}"];
        Assert.That(node.Path, Is.EqualTo("v3/profitsharing/return-orders/{out_return_no}"));
        var response = await node.GetAsync(new Dictionary<string, object?> { ["out_return_no"] = "R1", ["query"] = new Dictionary<string, object?> { ["sub_mchid"] = "1900000109" } });
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(SentLine(), Is.EqualTo("GET /v3/profitsharing/return-orders/R1?sub_mchid=1900000109"));
    }

    [Test]
    public void Shortland_refuses_arguments_it_cannot_read()
    {
        Assert.Throws<ArgumentException>(() => Wx.V3.Foo(new { }, "not a token"));
    }
}
