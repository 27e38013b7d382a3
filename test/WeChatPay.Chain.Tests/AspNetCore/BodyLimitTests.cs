using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.AspNetCore;

/// <summary>
/// The endpoint reads at most WeChatPayNotificationOptions.MaxBodySize bytes. The requests are written on a raw
/// socket, so the body can be left unsent: an answer that comes anyway shows the endpoint did not wait to read it.
/// </summary>
public class BodyLimitTests
{
    private const int SmallLimit = 1024;
    private FakePlatform _platform = null!;
    private NotifyHost _host = null!;
    private int _handled;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        _host = await NotifyHost.StartAsync(
            services => services.AddSingleton<IChainNode>(Builder.Factory(_platform.ClientOptions())),
            app =>
            {
                app.MapWeChatPayNotifications("/notify", (_, _) => Handled());
                app.MapWeChatPayNotifications("/small", new() { MaxBodySize = SmallLimit }, (_, _) => Handled());
            });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [SetUp]
    public void Forget() => _handled = 0;

    [Test]
    public async Task Answers_413_to_a_declared_length_over_1_MiB_before_the_body_is_sent()
    {
        var answer = await RawPostAsync("/notify", $"Content-Length: {(1024 * 1024) + 1}\r\n\r\n{{\"id\":");
        Assert.That(answer, Does.StartWith("HTTP/1.1 413 "));
        Assert.That(answer, Does.EndWith("""{"code":"FAIL","message":"The body is larger than 1048576 bytes."}"""));
        Assert.That(_handled, Is.Zero);
    }

    [Test]
    public async Task Answers_413_to_a_chunked_body_once_it_passes_the_configured_limit_without_waiting_for_its_end()
    {
        var chunk = new string('x', SmallLimit + 1);
        var answer = await RawPostAsync("/small", $"Transfer-Encoding: chunked\r\n\r\n{chunk.Length:x}\r\n{chunk}\r\n");
        Assert.That(answer, Does.StartWith("HTTP/1.1 413 "));
        Assert.That(answer, Does.EndWith($$"""{"code":"FAIL","message":"The body is larger than {{SmallLimit}} bytes."}"""));
        Assert.That(_handled, Is.Zero);
    }

    [Test]
    public async Task Takes_a_notification_of_exactly_the_limit()
    {
        var sent = _platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1" });
        var size = Encoding.UTF8.GetByteCount(sent.Body);
        await using var exact = await NotifyHost.StartAsync(
            services => services.AddSingleton<IChainNode>(Builder.Factory(_platform.ClientOptions())),
            app => app.MapWeChatPayNotifications("/notify", new() { MaxBodySize = size }, (_, _) => Handled()));
        using var answer = await sent.PostAsync(exact.Endpoint("/notify"));
        Assert.That((int)answer.StatusCode, Is.EqualTo(204));
        Assert.That(_handled, Is.EqualTo(1));
    }

    [Test]
    public void Refuses_a_limit_that_is_not_positive()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IChainNode>(Builder.Factory(_platform.ClientOptions()));
        var app = builder.Build();
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => app.MapWeChatPayNotifications("/notify", new() { MaxBodySize = 0 }, (_, _) => Task.CompletedTask));
        Assert.That(thrown!.ParamName, Is.EqualTo("options.MaxBodySize"));
    }

    private Task Handled()
    {
        Interlocked.Increment(ref _handled);
        return Task.CompletedTask;
    }

    /// <summary>Writes the request head and what follows, leaves the connection open, and reads one whole answer.</summary>
    private async Task<string> RawPostAsync(string path, string rest)
    {
        var endpoint = _host.Endpoint(path);
        // Not a time limit on the behaviour: it turns a hang (the endpoint waiting for the body) into a failure.
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, hang.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {endpoint.AbsolutePath} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\n{rest}"), hang.Token);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var text = received.ToString();
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd >= 0)
            {
                var length = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } header ? int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (Encoding.UTF8.GetByteCount(text[(headEnd + 4)..]) >= length)
                {
                    return text;
                }
            }

            var read = await stream.ReadAsync(buffer, hang.Token);
            if (read == 0)
            {
                return received.ToString();
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
    }
}
