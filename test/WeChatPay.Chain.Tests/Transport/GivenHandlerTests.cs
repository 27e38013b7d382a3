using System.Net;
using WeChatPay.Chain.Tests.Support;
using static WeChatPay.Chain.Tests.Support.RawHttpServer;

namespace WeChatPay.Chain.Tests.Transport;

/// <summary>
/// <see cref="BuilderOptions.HttpMessageHandler"/>: a caller's <see cref="SocketsHttpHandler"/> is kept from re-sending
/// too, its own stream filter still runs, and what cannot be kept from it is refused at <see cref="Builder.Factory"/>.
/// </summary>
public class GivenHandlerTests
{
    private const string Secret = "0123456789abcdefghijklmnopqrstuv";

    private static BuilderOptions Options(Uri baseUri, HttpMessageHandler handler, FixedTime? time = null)
    {
        var options = TestKeys.Options(time, baseUri);
        options.Secret = Secret; // APIv2 too: two clients share the handler
        options.HttpMessageHandler = handler;
        return options;
    }

    /// <summary>A server that answers the first request and closes the connection on every later one (FIN).</summary>
    private static RawHttpServer AnswersOnceThenCloses(FixedTime time)
    {
        const string answer = "{}";
        var seen = 0;
        return new RawHttpServer(_ => Task.FromResult(Interlocked.Increment(ref seen) == 1
            ? Reply.Answer(200, Platform.SignatureHeaders(answer, time.UnixSeconds), answer)
            : Reply.CloseGracefully));
    }

    [Test]
    public async Task A_given_sockets_handler_sends_each_request_once_and_keeps_its_own_filter()
    {
        var time = new FixedTime();
        await using var server = AnswersOnceThenCloses(time);
        var filtered = 0;
        using var handler = new SocketsHttpHandler
        {
            PlaintextStreamFilter = (context, _) =>
            {
                Interlocked.Increment(ref filtered);
                return ValueTask.FromResult(context.PlaintextStream);
            },
        };
        var wx = Builder.Factory(Options(server.BaseUri, handler, time));

        await wx.Chain("v3/foo").GetAsync();
        Assert.ThrowsAsync<WeChatPayTransportException>(() => wx.Chain("v3/foo").GetAsync());

        Assert.That(server.Requests, Has.Count.EqualTo(2), "the closed request went on the wire once");
        Assert.That(filtered, Is.EqualTo(server.Connections), "the caller's filter ran on every connection");
    }

    [Test]
    public async Task A_sockets_handler_under_delegating_handlers_sends_each_request_once()
    {
        var time = new FixedTime();
        await using var server = AnswersOnceThenCloses(time);
        using var handler = new Passing(new Passing(new SocketsHttpHandler()));
        var wx = Builder.Factory(Options(server.BaseUri, handler, time));

        await wx.Chain("v3/foo").GetAsync();
        Assert.ThrowsAsync<WeChatPayTransportException>(() => wx.Chain("v3/foo").DeleteAsync());

        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_handler_shared_by_two_chains_is_guarded_once_and_stays_usable()
    {
        var time = new FixedTime();
        await using var server = AnswersOnceThenCloses(time);
        using var handler = new SocketsHttpHandler();
        var first = Builder.Factory(Options(server.BaseUri, handler, time));
        await first.Chain("v3/foo").GetAsync();

        var second = Builder.Factory(Options(server.BaseUri, handler, time));
        Assert.ThrowsAsync<WeChatPayTransportException>(() => second.Chain("v3/foo").GetAsync());

        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_sockets_handler_that_has_already_sent_is_refused()
    {
        var time = new FixedTime();
        await using var server = AnswersOnceThenCloses(time);
        using var handler = new SocketsHttpHandler();
        using (var http = new HttpClient(handler, disposeHandler: false))
        {
            await http.GetAsync(server.BaseUri);
        }

        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(Options(server.BaseUri, handler)));

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BuilderOptions.HttpMessageHandler)));
    }

    [Test]
    public void An_HttpClientHandler_is_refused()
    {
        using var handler = new HttpClientHandler();

        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(Options(new Uri("http://127.0.0.1:9/"), new Passing(handler))));

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BuilderOptions.HttpMessageHandler)));
        Assert.That(error.Message, Does.Contain("SocketsHttpHandler"));
    }

    [Test]
    public async Task A_handler_of_another_kind_is_used_as_given()
    {
        var time = new FixedTime();
        using var handler = new Answering(time);
        var wx = Builder.Factory(Options(new Uri("http://127.0.0.1:9/"), handler, time));

        var response = await wx.Chain("v3/foo").GetAsync();

        Assert.That(response.Body, Is.EqualTo("{}"));
    }

    [Test]
    public void TrustedRoots_with_HttpMessageHandler_is_refused_naming_both()
    {
        using var handler = new SocketsHttpHandler();
        var options = Options(new Uri("https://127.0.0.1:9/"), handler);
        options.TrustedRoots = [TestTls.Authority];

        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BuilderOptions.TrustedRoots)));
        Assert.That(error.Message, Does.Contain(nameof(BuilderOptions.TrustedRoots)).And.Contain(nameof(BuilderOptions.HttpMessageHandler)));
        Assert.That(handler.PlaintextStreamFilter, Is.Null, "the refused handler was left as it was");
    }

    private sealed class Passing(HttpMessageHandler inner) : DelegatingHandler(inner);

    private sealed class Answering(FixedTime time) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}"), RequestMessage = request };
            foreach (var (name, value) in Platform.SignatureHeaders("{}", time.UnixSeconds))
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        }
    }
}
