using Flurl.Http;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>Over a real loopback connection: the signed target and body are the bytes that arrive, and the pipeline runs.</summary>
public class RealConnectionTests
{
    private static Func<RawHttpServer.Received, Task<(int, IDictionary<string, string>, string)>> Signed(string body, FixedTime time, TimeSpan delay = default) =>
        async _ =>
        {
            await Task.Delay(delay);
            return (200, Platform.SignatureHeaders(body, time.UnixSeconds), body);
        };

    [Test]
    public async Task Signs_the_request_target_and_body_as_they_arrive()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(Signed("""{"result":"SUCCESS"}""", time));
        dynamic wx = Builder.Factory(TestKeys.Options(time, server.BaseUri));

        WeChatPayResponse response = await wx.V3.Profitsharing.ReturnOrders._out_return_no_.PostAsync(new
        {
            out_return_no = "R 2019/05'16+中",
            query = new { note = "it's 1+1 / 分账", sub_mchid = "1900000109" },
            json = new { description = "用户退款 \"quoted\"", amount = 10 },
        });

        var received = server.Requests.Single();
        Assert.That(received.Target, Is.EqualTo("/v3/profitsharing/return-orders/R%202019%2F05%2716%2B%E4%B8%AD?note=it%27s%201%2B1%20%2F%20%E5%88%86%E8%B4%A6&sub_mchid=1900000109"));
        Assert.That(received.BodyText, Is.EqualTo("""{"description":"用户退款 \"quoted\"","amount":10}"""));
        Assert.That(received.Headers["Content-Type"], Is.EqualTo("application/json"));
        Assert.That(received.Headers["User-Agent"], Does.StartWith("WeChatPay.Chain/"));
        SentRequest.Parse(received.Headers["Authorization"]).AssertSigned(received.Method, received.Target, received.BodyText);
        Assert.That((string)response.Data!.result, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task Runs_user_interceptors_around_the_built_in_steps()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(Signed("{}", time));
        var seen = new List<string>();
        var options = TestKeys.Options(time, server.BaseUri);
        options.Pipeline = pipeline =>
        {
            pipeline.Add(Interceptor.Before("outer", call =>
            {
                seen.Add("outer sees Authorization: " + call.Request.Headers.Contains("Authorization"));
                call.Request.WithHeader("X-Trace", "t-1");
                return Task.CompletedTask;
            }));
            pipeline.AddAfter("signer", Interceptor.Before("inner", call =>
            {
                seen.Add("inner sees Authorization: " + call.Request.Headers.Contains("Authorization"));
                return Task.CompletedTask;
            }));
        };
        dynamic wx = Builder.Factory(options);

        await wx.V3.Foo.GetAsync();

        Assert.That(seen, Is.EqualTo(new[] { "outer sees Authorization: False", "inner sees Authorization: True" }));
        Assert.That(server.Requests.Single().Headers["X-Trace"], Is.EqualTo("t-1"));
    }

    [Test]
    public async Task Removing_the_verifier_accepts_unsigned_responses()
    {
        await using var server = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)new Dictionary<string, string>(), "{}")));
        var options = TestKeys.Options(baseUri: server.BaseUri);
        options.Pipeline = pipeline => pipeline.Remove("verifier");
        IChainNode wx = Builder.Factory(options);

        var response = await wx.Chain("v3/foo").GetAsync();

        Assert.That(response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Gives_up_after_the_configured_timeout()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(Signed("{}", time, TimeSpan.FromSeconds(5)));
        var options = TestKeys.Options(time, server.BaseUri);
        options.Timeout = TimeSpan.FromMilliseconds(200);
        IChainNode wx = Builder.Factory(options);

        var error = Assert.ThrowsAsync<WeChatPayTimeoutException>(() => wx.Chain("v3/foo").GetAsync());
        Assert.That((error!.Timeout, error.MayHaveReachedPlatform, error.Method, error.RequestUri.AbsolutePath), Is.EqualTo((TimeSpan.FromMilliseconds(200), true, HttpMethod.Get, "/v3/foo")));
        Assert.That(error.InnerException, Is.Not.Null);
    }

    [Test]
    public void A_refused_connection_is_a_transport_failure_that_did_not_reach_the_platform()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();                            // nothing listens there now: the connection is refused
        IChainNode wx = Builder.Factory(TestKeys.Options(new FixedTime(), new Uri($"http://127.0.0.1:{port}/")));

        var error = Assert.ThrowsAsync<WeChatPayTransportException>(() => wx.Chain("v3/profitsharing/return-orders").PostAsync(new { json = new { out_return_no = "R1" } }));

        Assert.That((error!.MayHaveReachedPlatform, error.Method, error.RequestUri.AbsolutePath), Is.EqualTo((false, HttpMethod.Post, "/v3/profitsharing/return-orders")));
        Assert.That(error.Message, Does.Contain("safe to send again"));
        Assert.That(error.InnerException, Is.InstanceOf<FlurlHttpException>());
    }

    [Test]
    public async Task Honours_cancellation()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(Signed("{}", time, TimeSpan.FromSeconds(5)));
        IChainNode wx = Builder.Factory(TestKeys.Options(time, server.BaseUri));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.CatchAsync<OperationCanceledException>(() => wx.Chain("v3/foo").GetAsync(cancellationToken: cancel.Token));
    }
}
