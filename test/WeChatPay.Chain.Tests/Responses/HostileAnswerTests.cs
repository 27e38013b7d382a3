using System.Runtime.CompilerServices;
using System.Text;
using WeChatPay.Chain.Tests.Support;
using static WeChatPay.Chain.Tests.Support.RawHttpServer;

namespace WeChatPay.Chain.Tests.Responses;

/// <summary>
/// A hostile server on a real socket answers with floods: 500 MiB bodies with and without a declared length, unsigned,
/// or as an error whose message is 5,000,000 characters of forged log lines. The client reads only what it keeps and
/// refuses the rest; what it allocated over the call is measured and bounded.
/// </summary>
public class HostileAnswerTests
{
    private const long Flood = 500L * 1024 * 1024;
    private const long Limit = 4 * 1024 * 1024;
    private static readonly FixedTime Time = new();

    private static IChainNode Client(RawHttpServer server)
    {
        var options = TestKeys.Options(Time, server.BaseUri);
        options.MaxResponseSize = Limit;
        return Builder.Factory(options);
    }

    /// <summary>Writes a status line and headers, then <paramref name="length"/> bytes of filler in 64 KiB pieces (never held whole).</summary>
    private static Func<Stream, CancellationToken, Task> Answer(int status, string headers, long length, StrongBox<long>? written = null) =>
        async (stream, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\n{headers}\r\n"), token);
            var piece = new byte[64 * 1024];
            Array.Fill(piece, (byte)'a');
            for (long sent = 0; sent < length; sent += piece.Length)
            {
                await stream.WriteAsync(piece.AsMemory(0, (int)Math.Min(piece.Length, length - sent)), token);
                if (written is not null)
                {
                    written.Value += piece.Length;
                }
            }
        };

    private static string SignatureHeaders(string serial) =>
        string.Concat(Platform.SignatureHeaders("{}", Time.UnixSeconds, serial: serial).Select(h => $"{h.Key}: {h.Value}\r\n"));

    /// <summary>The bytes this process allocated while <paramref name="call"/> ran, and the exception it threw.</summary>
    private static async Task<(long Allocated, Exception? Error)> Measure(Func<Task> call)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        Exception? error = null;
        try
        {
            await call();
        }
        catch (Exception e)
        {
            error = e;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Out.WriteLine($"allocated {allocated / 1024.0 / 1024.0:0.00} MiB over the call (limit {Limit / 1024 / 1024} MiB): {error?.GetType().Name}");
        return (allocated, error);
    }

    [Test]
    public async Task A_500_MiB_answer_that_declares_its_length_is_refused_before_it_is_read()
    {
        var written = new StrongBox<long>();
        await using var server = new RawHttpServer(_ => Task.FromResult(Reply.Raw(Answer(200, $"Content-Type: application/json\r\nContent-Length: {Flood}\r\n{SignatureHeaders(TestKeys.PlatformSerial)}", Flood, written))));
        var wx = Client(server);

        var (allocated, error) = await Measure(() => wx.Chain("v3/profitsharing/return-orders/R1").GetAsync());

        Assert.That(error, Is.TypeOf<ResponseTooLargeException>());
        Assert.That(((ResponseTooLargeException)error!).DeclaredLength, Is.EqualTo(Flood));
        Assert.That(allocated, Is.LessThan(2 * 1024 * 1024), "nothing of the body was read");
        Assert.That(written.Value, Is.LessThan(Flood / 4), "the connection was closed, not drained");
    }

    [TestCase("Connection: close\r\n")]
    [TestCase("Transfer-Encoding: chunked\r\n")]
    public async Task A_500_MiB_answer_of_unknown_length_is_cut_at_the_limit(string framing)
    {
        var chunked = framing.Contains("chunked", StringComparison.Ordinal);
        Func<Stream, CancellationToken, Task> flood = chunked
            ? async (stream, token) =>
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{framing}{SignatureHeaders(TestKeys.PlatformSerial)}\r\n"), token);
                var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string('a', 0x10000) + "\r\n");
                for (long sent = 0; sent < Flood; sent += 0x10000)
                {
                    await stream.WriteAsync(chunk, token);
                }
            }
            : Answer(200, $"Content-Type: application/json\r\n{framing}{SignatureHeaders(TestKeys.PlatformSerial)}", Flood);
        await using var server = new RawHttpServer(_ => Task.FromResult(Reply.Raw(flood)));
        var wx = Client(server);

        var (allocated, error) = await Measure(() => wx.Chain("v3/profitsharing/return-orders/R1").GetAsync());

        Assert.That(error, Is.TypeOf<ResponseTooLargeException>());
        Assert.That(((ResponseTooLargeException)error!).DeclaredLength, Is.Null);
        Assert.That(allocated, Is.LessThan(Limit + (3 * 1024 * 1024)), "within a few MiB of the limit");
    }

    [Test]
    public async Task A_500_MiB_answer_without_signature_headers_is_refused_on_its_headers()
    {
        await using var server = new RawHttpServer(_ => Task.FromResult(Reply.Raw(Answer(200, $"Content-Type: application/json\r\nContent-Length: {Flood}\r\n", Flood))));
        var wx = Client(server);

        var (allocated, error) = await Measure(() => wx.Chain("v3/profitsharing/return-orders/R1").GetAsync());

        Assert.That(error, Is.TypeOf<ResponseHeadersMissingException>());
        Assert.That(((ResponseHeadersMissingException)error!).Response.Bytes.Length, Is.EqualTo(64 * 1024), "only the start is kept, to show");
        Assert.That(allocated, Is.LessThan(1024 * 1024));
    }

    [Test]
    public async Task A_500_error_with_a_five_million_character_message_raises_a_bounded_exception()
    {
        var message = string.Concat(Enumerable.Repeat("Level=Critical forged=1\r\n", 200_000));
        var body = Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(new { code = "SYSTEM_ERROR", message }));
        await using var server = new RawHttpServer(_ => Task.FromResult(Reply.Raw(async (stream, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), token);
            await stream.WriteAsync(body, token);
        })));
        var wx = Client(server);

        var (allocated, error) = await Measure(() => wx.Chain("v3/profitsharing/return-orders").PostAsync(new { json = new { out_return_no = "R1" } }));

        var api = error as WeChatPayApiException;
        Assert.That(api, Is.Not.Null, error?.ToString());
        Assert.That(api!.IsVerified, Is.False);
        Assert.That(api.Message, Has.Length.LessThan(600).And.Not.Contain("\r").And.Not.Contain("\n"));
        Assert.That(api.Response.Bytes.Length, Is.EqualTo(64 * 1024));
        Assert.That(allocated, Is.LessThan(2 * 1024 * 1024), "the 5 MB body was not read");
    }

    [TestCase("Wechatpay-Signature")]
    [TestCase("Wechatpay-Serial")]
    [TestCase("Wechatpay-Timestamp")]
    public async Task An_answer_repeating_a_signature_header_line_is_refused(string header)
    {
        var headers = Platform.SignatureHeaders("{}", Time.UnixSeconds);
        var lines = string.Concat(headers.Select(h => $"{h.Key}: {h.Value}\r\n")) + $"{header}: {headers[header]}\r\n";
        await using var server = new RawHttpServer(_ => Task.FromResult(Reply.Raw((stream, token) =>
            stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n{lines}\r\n{{}}"), token).AsTask())));
        var wx = Client(server);

        var error = Assert.ThrowsAsync<DuplicateResponseHeaderException>(() => wx.Chain("v3/foo").GetAsync());

        Assert.That(error!.Header, Is.EqualTo(header));
    }
}
