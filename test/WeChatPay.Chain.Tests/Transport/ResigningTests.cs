using System.Text.RegularExpressions;
using Flurl.Http;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Transport;

/// <summary>
/// A retrying handler of the caller's own, under the library's Flurl client, against the fake platform on real sockets:
/// every attempt on the wire is signed afresh (the platform refuses a nonce it has seen), whatever made the first fail.
/// </summary>
public partial class ResigningTests
{
    private FakePlatform _platform = null!;

    [SetUp]
    public async Task Start() => _platform = await FakePlatform.StartAsync();

    [TearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private IChainNode Wx(Action<BuilderOptions>? change = null) => _platform.Client(options =>
    {
        options.BaseUri = _platform.HttpBaseUri;   // the caller's handler has no trust of the fake's authority: plain HTTP
        options.TrustedRoots = null;
        options.HttpMessageHandler = new Retrying(3) { InnerHandler = new SocketsHttpHandler() };
        change?.Invoke(options);
    });

    private static Task<WeChatPayResponse> Create(IChainNode wx, string number) =>
        wx.Chain("v3/profitsharing/return-orders").PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = number, return_mchid = "86693852", amount = 1, description = "用户退款" },
        });

    private List<PlatformRequest> Sent(int after) => [.. _platform.Requests.Skip(after)];

    private static string Nonce(PlatformRequest request) => NonceOf().Match(request.Headers["Authorization"]).Groups[1].Value;

    [TestCase(Fault.ServerError)]
    [TestCase(Fault.TooManyRequests)]
    [TestCase(Fault.DropConnection)]
    [TestCase(Fault.CloseConnection)]
    public async Task Each_retry_of_a_v3_call_goes_out_signed_afresh(Fault fault)
    {
        var wx = Wx();
        await wx.Chain("v3/certificates").GetAsync().ContinueWith(_ => { });   // a kept-alive connection, as in a service
        var before = _platform.Requests.Count;
        _platform.Faults.Inject(fault);

        var answer = await Create(wx, "R-" + fault);

        var sent = Sent(before);
        Assert.That(answer.StatusCode, Is.EqualTo(200));
        Assert.That(sent.Select(r => r.Fault), Is.EqualTo(new Fault?[] { fault, null }), "one failed attempt, then one that succeeded");
        Assert.That(sent.Select(Nonce).Distinct().Count(), Is.EqualTo(2), "a new nonce on every attempt");
        Assert.That(sent.All(r => r.Rejection is null), Is.True, "the platform accepted each signature");
        Assert.That(sent[0].Body, Is.EqualTo(sent[1].Body), "the same request, only signed again");
    }

    [Test]
    public async Task Each_retry_of_a_v2_call_carries_a_new_nonce_str_and_sign()
    {
        var wx = Wx();
        var before = _platform.Requests.Count;
        _platform.Faults.Inject(Fault.ServerError, when: r => r.Path.StartsWith("/pay/", StringComparison.Ordinal));

        var answer = await wx["v2/pay/micropay"].PostAsync(new
        {
            xml = new { appid = "wx8888888888888888", mch_id = _platform.Credentials.Mchid, body = "image形象店-深圳腾大- QQ公仔", out_trade_no = "1217752501201407033233368018", total_fee = 888, spbill_create_ip = "8.8.8.8", auth_code = "120061098828009406" },
        });

        var sent = Sent(before);
        Assert.That(answer.StatusCode, Is.EqualTo(200));
        Assert.That(sent, Has.Count.EqualTo(2));
        string Field(PlatformRequest r, string name) => Regex.Match(r.Body, $"<{name}>(?:<!\\[CDATA\\[)?([^<\\]]*)").Groups[1].Value;
        Assert.That(Field(sent[0], "nonce_str"), Is.Not.EqualTo(Field(sent[1], "nonce_str")));
        Assert.That(Field(sent[0], "sign"), Is.Not.EqualTo(Field(sent[1], "sign")));
        Assert.That(Field(sent[1], "out_trade_no"), Is.EqualTo("1217752501201407033233368018"));
    }

    [Test]
    public void A_retry_of_a_call_signed_by_a_signer_of_the_callers_own_is_not_sent()
    {
        var credentials = _platform.Credentials;
        var wx = Wx(o => o.Pipeline = p =>
        {
            if (p.Api == "APIv3")
            {
                p.Replace("signer", Interceptor.Before("my-signer", async call =>
                {
                    var body = call.HttpRequestMessage.Content is { } content ? await content.ReadAsStringAsync() : string.Empty;
                    var (timestamp, nonce) = (Formatter.Timestamp(), Formatter.Nonce());
                    var message = Formatter.Request(call.HttpRequestMessage.Method.Method, call.Request.Url.ToUri().PathAndQuery, timestamp, nonce, body);
                    var signature = Rsa.Sign(message, credentials.MerchantKey);
                    call.Request.WithHeader("Authorization", Formatter.Authorization(Formatter.AuthorizationScheme, credentials.Mchid, nonce, signature, timestamp, credentials.MerchantSerial));
                }));
            }
        });
        var before = _platform.Requests.Count;
        _platform.Faults.Inject(Fault.ServerError);

        var error = Assert.ThrowsAsync<WeChatPayTransportException>(() => Create(wx, "R-own"))!;

        Assert.That(error.ToString(), Does.Contain("ResigningHandler"));
        Assert.That(Sent(before), Has.Count.EqualTo(1), "the retry with the first attempt's signature never left");
    }

    [Test]
    public async Task A_call_without_retries_is_signed_once_and_counted_once()
    {
        var wx = Wx(o => o.HttpMessageHandler = null);
        var before = _platform.Requests.Count;

        await Create(wx, "R-once");

        Assert.That(Sent(before), Has.Count.EqualTo(1));
    }

    /// <summary>A plain retrying handler, as users write them: it sends the same request again on 5xx, 429 or a transport error.</summary>
    private sealed class Retrying(int attempts) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var response = await base.SendAsync(request, cancellationToken);
                    if (attempt == attempts || ((int)response.StatusCode < 500 && (int)response.StatusCode != 429))
                    {
                        return response;
                    }

                    response.Dispose();
                }
                catch (HttpRequestException) when (attempt < attempts)
                {
                }
            }
        }
    }

    [GeneratedRegex("nonce_str=\"([^\"]+)\"")]
    private static partial Regex NonceOf();
}
