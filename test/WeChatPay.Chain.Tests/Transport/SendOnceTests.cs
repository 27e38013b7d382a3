using WeChatPay.Chain.Tests.Support;
using static WeChatPay.Chain.Tests.Support.RawHttpServer;

namespace WeChatPay.Chain.Tests.Transport;

/// <summary>
/// On real sockets, counted by the server: every request reaches the wire once, with its own nonce and timestamp,
/// whatever the connection does under it, and keep-alive still works.
/// </summary>
public class SendOnceTests
{
    public enum Verb
    {
        Get,
        Delete,
        PostWithoutBody,
        PostWithBody,
    }

    public enum Scheme
    {
        Http,
        Https,
    }

    /// <summary>Cold: the request opens the connection. Warm: it reuses one kept alive by an answered call.</summary>
    public enum Pool
    {
        Cold,
        Warm,
    }

    /// <summary>How the server ends the connection after reading the request, without answering.</summary>
    public enum Close
    {
        Fin,
        Rst,
    }

    private const string Answer = """{"result":"SUCCESS"}""";

    private static Reply Signed(FixedTime time, Func<int, IDictionary<string, string>, string, Reply>? how = null) =>
        (how ?? Reply.Answer)(200, Platform.SignatureHeaders(Answer, time.UnixSeconds), Answer);

    private static RawHttpServer Server(Scheme scheme, Func<Received, Task<Reply>> script) =>
        new(script, scheme == Scheme.Https ? TestTls.ServerCertificate : null);

    private static IChainNode Client(RawHttpServer server, FixedTime time)
    {
        var options = TestKeys.Options(time, server.BaseUri);
        options.TrustedRoots = [TestTls.Authority];
        return Builder.Factory(options);
    }

    private static Task<WeChatPayResponse> Call(IChainNode wx, Verb verb) => verb switch
    {
        Verb.Get => wx.Chain("v3/foo").GetAsync(),
        Verb.Delete => wx.Chain("v3/foo").DeleteAsync(),
        Verb.PostWithoutBody => wx.Chain("v3/foo").PostAsync(),
        _ => wx.Chain("v3/foo").PostAsync(new { json = new { amount = 1 } }),
    };

    private static void AssertEachSendSignedAfresh(RawHttpServer server) =>
        Assert.That(server.Requests.Select(r => r.Headers["Authorization"]).Distinct().Count(), Is.EqualTo(server.Requests.Count), "every send carries its own nonce and timestamp");

    [Test]
    public async Task A_request_whose_connection_ends_unanswered_reaches_the_wire_once(
        [Values] Close close, [Values] Verb verb, [Values] Scheme scheme, [Values] Pool pool)
    {
        var time = new FixedTime();
        var answered = pool == Pool.Warm ? 1 : 0;
        var seen = 0;
        await using var server = Server(scheme, _ => Task.FromResult(
            Interlocked.Increment(ref seen) <= answered ? Signed(time) : close == Close.Fin ? Reply.CloseGracefully : Reply.Reset));
        var wx = Client(server, time);
        if (pool == Pool.Warm)
        {
            await Call(wx, Verb.Get);
        }

        var error = Assert.ThrowsAsync<WeChatPayTransportException>(() => Call(wx, verb));

        var sends = server.Requests.Skip(answered).ToList();
        TestContext.Out.WriteLine($"{close} {verb} {scheme} {pool}: {sends.Count} wire send(s), {sends.Select(r => r.Headers["Authorization"]).Distinct().Count()} distinct Authorization");
        Assert.That(error!.MayHaveReachedPlatform, Is.True, "the server read the request before it closed the connection");
        Assert.That(sends, Has.Count.EqualTo(1), "one wire send: nothing re-sent behind the caller's back");
        Assert.That(sends[0].Method, Is.EqualTo(verb switch { Verb.Get => "GET", Verb.Delete => "DELETE", _ => "POST" }));
        Assert.That(sends[0].Connection, Is.EqualTo(1), pool == Pool.Warm ? "it went on the kept-alive connection" : "it opened the first connection");
        AssertEachSendSignedAfresh(server);
    }

    [Test]
    public async Task Several_calls_share_one_kept_alive_connection([Values] Scheme scheme)
    {
        var time = new FixedTime();
        await using var server = Server(scheme, _ => Task.FromResult(Signed(time)));
        var wx = Client(server, time);

        foreach (var verb in new[] { Verb.Get, Verb.PostWithBody, Verb.Delete, Verb.PostWithoutBody, Verb.Get })
        {
            var response = await Call(wx, verb);
            Assert.That(response.Body, Is.EqualTo(Answer));
        }

        Assert.That(server.Requests, Has.Count.EqualTo(5));
        Assert.That(server.Connections, Is.EqualTo(1), "keep-alive: one connection for all five calls");
        AssertEachSendSignedAfresh(server);
    }

    [Test]
    public async Task An_answer_ended_by_closing_the_connection_is_read_whole([Values] Scheme scheme)
    {
        var time = new FixedTime();
        await using var server = Server(scheme, _ => Task.FromResult(Signed(time, Reply.AnswerCloseDelimited)));
        var wx = Client(server, time);

        var first = await Call(wx, Verb.Get);
        var second = await Call(wx, Verb.PostWithBody);

        Assert.That((first.Body, second.Body), Is.EqualTo((Answer, Answer)));
        Assert.That(server.Requests.Select(r => r.Connection), Is.EqualTo(new[] { 1, 2 }), "one send each, the second on a new connection");
        AssertEachSendSignedAfresh(server);
    }

    [Test]
    public async Task A_connection_the_server_closed_while_idle_is_not_used_again([Values] Scheme scheme)
    {
        var time = new FixedTime();
        await using var server = Server(scheme, _ => Task.FromResult(Signed(time, Reply.AnswerThenClose)));
        var wx = Client(server, time);
        await Call(wx, Verb.Get);
        await server.FinAcknowledgedAsync(1);

        var response = await Call(wx, Verb.Get);

        Assert.That(response.Body, Is.EqualTo(Answer));
        Assert.That(server.Requests.Select(r => r.Connection), Is.EqualTo(new[] { 1, 2 }), "one send each, the second on a new connection");
        AssertEachSendSignedAfresh(server);
    }
}
