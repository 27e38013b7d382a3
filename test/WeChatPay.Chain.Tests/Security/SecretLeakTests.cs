using System.Collections.Concurrent;
using System.Diagnostics;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Security;

/// <summary>
/// Over ten thousand generated bad inputs (options, headers, placeholders, keys, configuration), no exception message,
/// exception <c>ToString()</c> (inner ones included), options or key-source <c>ToString()</c> holds a secret, and every
/// refused call is refused before anything reaches the socket. The generators are seeded, so a failure repeats.
/// </summary>
[NonParallelizable]
public class SecretLeakTests
{
    private const int Seed = 20250917;

    private static readonly HashSet<string> OptionNames = new(StringComparer.Ordinal)
    {
        "Mchid", "Serial", "PrivateKey", "Certs", "ApiV3Key", "Secret", "Merchant", "BaseUri", "Timeout", "CertificateRenewalInterval", "AutoRenewCertificates",
    };

    private Secrets _secrets = null!;
    private RawHttpServer _server = null!;
    private IChainNode _wx = null!;

    public static IEnumerable<string> Categories => BadCalls.Categories;

    [OneTimeSetUp]
    public void StartServer()
    {
        _secrets = new Secrets(Seed);
        _server = new RawHttpServer(Answer);
        var options = TestKeys.Options(baseUri: _server.BaseUri);
        options.PrivateKey = _secrets.PrivateKeyPkcs8;
        options.ApiV3Key = _secrets.ApiV3Key;
        options.Secret = _secrets.ApiV2Key;
        _wx = Builder.Factory(options);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        _secrets.Dispose();
    }

    [Test]
    [CancelAfter(120_000)]
    public void No_bad_configuration_shows_a_secret_or_sends_anything(CancellationToken token)
    {
        using var handler = new CountingHandler();
        var watch = Stopwatch.StartNew();
        var inputs = BadConfigurations.All(_secrets, handler, Seed);
        var failures = new ConcurrentQueue<string>();
        var built = 0;
        Parallel.ForEach(inputs, new ParallelOptions { CancellationToken = token }, input =>
        {
            var options = input.Options;
            var texts = new List<(string Where, string? Text)>
            {
                ("options.ToString()", options.ToString()),
                ("PrivateKey.ToString()", options.PrivateKey?.ToString()),
                ("Merchant.ToString()", options.Merchant?.ToString()),
            };
            texts.AddRange(options.Certs.Values.Select((source, i) => ($"the ToString() of Certs value {i + 1}", source?.ToString())));
            try
            {
                var node = Builder.Factory(options);
                Interlocked.Increment(ref built);
                texts.Add(("the instance's identity", ((ChainNode)node).Client.Identity.ToString()));
            }
            catch (Exception e)
            {
                if (e is not ArgumentException { ParamName: { } option } || !OptionNames.Contains(option))
                {
                    failures.Enqueue($"{input.Description}: refused with {e.GetType().Name} naming {(e as ArgumentException)?.ParamName ?? "no option"}");
                }

                texts.AddRange(Texts(e));
            }

            foreach (var (where, text) in texts)
            {
                if (_secrets.FoundIn(text) is { } found)
                {
                    failures.Enqueue($"{input.Description}: {where} holds the {found}");
                }
            }
        });

        TestContext.Out.WriteLine(
            $"secret leaks, configuration: {inputs.Count} inputs tried (seed {Seed}), {inputs.Count - built} refused, {built} built, {failures.Count} failures, {handler.Sent} sent, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.That(inputs, Has.Count.GreaterThanOrEqualTo(10_000));
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        Assert.That(handler.Sent, Is.Zero, "Builder.Factory sent a request");
    }

    [TestCaseSource(nameof(Categories))]
    [CancelAfter(120_000)]
    public async Task No_bad_call_shows_a_secret_or_sends_what_it_refuses(string category, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        var calls = BadCalls.For(category, _secrets, _server.BaseUri, Seed);
        var failures = new List<(string Call, string Problem, string Form)>();
        int refused = 0, sent = 0;
        foreach (var call in calls)
        {
            var before = Arrived().Count;
            Exception? error = null;
            try
            {
                await call.Send(_wx, token);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                error = e;
            }

            var arrived = Arrived().Skip(before).ToList();
            sent += arrived.Count > 0 ? 1 : 0;
            refused += error is not null && arrived.Count == 0 ? 1 : 0;
            if (call.MustRefuse && arrived.Count > 0)
            {
                failures.Add((call.Description, "sent where it must be refused before sending", call.Form));
            }
            else if (call.MustRefuse && error is not ArgumentException)
            {
                failures.Add((call.Description, error is null ? "not refused" : $"refused with {error.GetType().Name}, not an ArgumentException naming the option", call.Form));
            }
            else if (arrived.Count > 0 && call.Wire?.Invoke(arrived[^1]) is { } wrong)
            {
                failures.Add((call.Description, wrong, call.Form));
            }

            foreach (var (where, text) in error is null ? [] : Texts(error))
            {
                if (_secrets.FoundIn(text) is { } found)
                {
                    failures.Add((call.Description, $"{where} holds the {found}", call.Form));
                }
            }
        }

        TestContext.Out.WriteLine(
            $"secret leaks, calls, {category}: {calls.Count} inputs tried (seed {Seed}), {calls.Count(c => c.MustRefuse)} must be refused, {refused} refused, {sent} sent, {failures.Count} failures, {watch.Elapsed.TotalSeconds:F1} s");

        // Grouped by what was tried and what went wrong, each with how often and one secret form it happened with.
        var report = failures.GroupBy(f => (f.Call, f.Problem)).Select(g => $"{g.Key.Call}: {g.Key.Problem} ({g.Count()} times, e.g. {g.First().Form})");
        Assert.That(failures, Is.Empty, $"{failures.Count} failures:{Environment.NewLine}{string.Join(Environment.NewLine, report.Take(40))}");
    }

    /// <summary>Every text an exception shows: the message and <c>ToString()</c> of it and of each exception inside it.</summary>
    private static IEnumerable<(string Where, string? Text)> Texts(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return ($"the message of {e.GetType().Name}", e.Message);
            yield return ($"the ToString() of {e.GetType().Name}", e.ToString());
            if (e is AggregateException aggregate)
            {
                foreach (var text in aggregate.InnerExceptions.SelectMany(Texts))
                {
                    yield return text;
                }
            }
        }
    }

    private List<RawHttpServer.Received> Arrived()
    {
        lock (_server.Requests)
        {
            return [.. _server.Requests];
        }
    }

    /// <summary>Answers as the platform would, so a call that may be sent completes: APIv3 signed JSON, APIv2 signed XML.</summary>
    private Task<(int Status, IDictionary<string, string> Headers, string Body)> Answer(RawHttpServer.Received request)
    {
        if (request.Target.StartsWith("/pay/", StringComparison.Ordinal))
        {
            var fields = new Dictionary<string, string> { ["return_code"] = "SUCCESS", ["result_code"] = "SUCCESS", ["mch_id"] = TestKeys.Mchid, ["nonce_str"] = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS" };
            return Task.FromResult((200, (IDictionary<string, string>)new Dictionary<string, string>(), V2.Answer(fields, "MD5", _secrets.ApiV2Key)));
        }

        const string body = "{}";
        return Task.FromResult((200, (IDictionary<string, string>)Platform.SignatureHeaders(body, DateTimeOffset.UtcNow.ToUnixTimeSeconds()), body));
    }

    /// <summary>Counts what reaches the handler; the configuration tests expect nothing to.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
        }
    }
}
