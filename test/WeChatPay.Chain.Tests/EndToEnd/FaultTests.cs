using Flurl.Http;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.EndToEnd;

/// <summary>Every fault the fake platform can inject surfaces as the right exception, and nothing hangs.</summary>
public class FaultTests
{
    private FakePlatform _platform = null!;
    private IChainNode _wx = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _platform.Faults.SlowAnswerDelay = TimeSpan.FromSeconds(3);
        var options = _platform.ClientOptions();
        options.Timeout = TimeSpan.FromSeconds(1);
        _wx = Builder.Factory(options);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    [SetUp]
    public void ClearFaults() => _platform.Faults.Clear();

    private Task<WeChatPayResponse> Query() =>
        _wx.Chain("v3/ecommerce/profitsharing/returnorders").GetAsync(new { query = new { sub_mchid = "1900000109", out_order_no = "P20150806125346", out_return_no = "R-missing" } });

    private Task<WeChatPayResponse> Create() =>
        _wx.Chain("v3/profitsharing/return-orders").PostAsync(new { json = new { out_order_no = "P20150806125346", out_return_no = "F" + Guid.NewGuid().ToString("N")[..12], return_mchid = "86693852", amount = 1, description = "fault" } });

    [TestCase(Fault.BadSignature, typeof(InvalidResponseSignatureException))]
    [TestCase(Fault.WrongKey, typeof(InvalidResponseSignatureException))]
    [TestCase(Fault.StaleTimestamp, typeof(ResponseTimestampException))]
    [TestCase(Fault.UnknownSerial, typeof(UnknownSerialException))]
    [TestCase(Fault.NoSignatureHeaders, typeof(ResponseHeadersMissingException))]
    public void A_tampered_answer_fails_verification(Fault fault, Type expected)
    {
        _platform.Faults.Inject(fault);
        var error = Assert.CatchAsync<ResponseVerificationException>(Create);
        Assert.That(error, Is.TypeOf(expected));
        Assert.That(_platform.Requests[^1].Fault, Is.EqualTo(fault));
    }

    [TestCase(Fault.ServerError, 500, "SYSTEM_ERROR")]
    [TestCase(Fault.TooManyRequests, 429, "FREQUENCY_LIMITED")]
    public void A_platform_error_carries_its_code(Fault fault, int status, string code)
    {
        _platform.Faults.Inject(fault);
        var error = Assert.ThrowsAsync<WeChatPayApiException>(Create);
        Assert.That((error!.StatusCode, error.Code, error.IsVerified), Is.EqualTo(((int?)status, code, true)), "the platform signs its error answers, and they are verified");
        Assert.That(error.RequestId, Is.Not.Empty);
    }

    [Test]
    public void A_slow_answer_times_out()
    {
        _platform.Faults.Inject(Fault.SlowAnswer);
        var error = Assert.ThrowsAsync<WeChatPayTimeoutException>(Query);
        Assert.That(error!.InnerException, Is.Not.Null, "the transport's own exception is kept");
    }

    [Test]
    public void A_slow_answer_yields_to_cancellation()
    {
        _platform.Faults.Inject(Fault.SlowAnswer);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.CatchAsync<OperationCanceledException>(() => _wx.Chain("v3/profitsharing/return-orders/R-missing").GetAsync(new { query = new { out_order_no = "P1" } }, cancel.Token));
    }

    [Test]
    public async Task A_dropped_connection_is_a_transport_error_and_is_not_resent()
    {
        await Query().ContinueWith(_ => { }); // a pooled, kept-alive connection, as in a long-running service
        var before = _platform.Requests.Count;
        _platform.Faults.Inject(Fault.DropConnection);

        var error = Assert.ThrowsAsync<WeChatPayTransportException>(Create);
        Assert.That((error!.MayHaveReachedPlatform, error.StatusCode, error.Response), Is.EqualTo((true, (int?)null, (WeChatPayResponse?)null)));
        Assert.That(error.InnerException, Is.InstanceOf<FlurlHttpException>());

        Assert.That(_platform.Requests.Skip(before).Select(r => r.Fault), Is.EqualTo(new Fault?[] { Fault.DropConnection }), "one attempt, no silent re-send of the same signature");
    }

    [TestCase("GET")]
    [TestCase("DELETE")]
    [TestCase("POST")]
    [TestCase("POST with body")]
    public async Task A_connection_closed_without_an_answer_is_a_transport_error_and_is_not_resent(string call)
    {
        await Query().ContinueWith(_ => { }); // a pooled, kept-alive connection, as in a long-running service
        var before = _platform.Requests.Count;
        var kept = _platform.Requests[^1].ConnectionId;
        _platform.Faults.Inject(Fault.CloseConnection);

        var error = Assert.ThrowsAsync<WeChatPayTransportException>(() => call switch
        {
            "GET" => Query(),
            "DELETE" => _wx.Chain("v3/profitsharing/receivers/R-missing").DeleteAsync(),
            "POST" => _wx.Chain("v3/profitsharing/return-orders").PostAsync(),
            _ => Create(),
        });

        Assert.That(error!.MayHaveReachedPlatform, Is.True);
        var sent = _platform.Requests.Skip(before).ToList();
        Assert.That(sent.Select(r => r.Fault).ToList(), Is.EqualTo(new Fault?[] { Fault.CloseConnection }), "one attempt, no silent re-send of the same signature");
        Assert.That(sent[0].ConnectionId, Is.EqualTo(kept), "it went on the kept-alive connection");
    }

    [Test]
    public void Faults_apply_only_to_matching_requests_and_run_out()
    {
        _platform.Faults.Inject(Fault.ServerError, times: 2, when: r => r.Method == "POST");
        Assert.ThrowsAsync<WeChatPayApiException>(Query, "GET does not match, so it reaches the API (404)");
        Assert.ThrowsAsync<WeChatPayApiException>(Create);
        Assert.ThrowsAsync<WeChatPayApiException>(Create);
        Assert.DoesNotThrowAsync(Create);
        Assert.That(_platform.Requests.TakeLast(4).Select(r => r.Fault), Is.EqualTo(new Fault?[] { null, Fault.ServerError, Fault.ServerError, null }));
    }
}
