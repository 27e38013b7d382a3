using System.Net;
using System.Net.Sockets;
using WeChatPay.Chain.Transport;

namespace WeChatPay.Chain.Tests.Transport;

/// <summary>The guard on one real loopback connection, driven by hand as the connection pool drives it.</summary>
public class SendOnceStreamTests
{
    private static readonly byte[] Request = "GET /v3/foo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray();

    private Socket _server = null!;
    private SendOnceStream _client = null!;

    [SetUp]
    public async Task Connect()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        _server = await listener.AcceptSocketAsync();
        _client = new SendOnceStream(new NetworkStream(client, ownsSocket: true));
    }

    [TearDown]
    public async Task Disconnect()
    {
        await _client.DisposeAsync();
        _server.Dispose();
    }

    private async Task<int> ServerReadsToEndAsync()
    {
        var total = 0;
        var buffer = new byte[1024];
        int read;
        while ((read = await _server.ReceiveAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Test]
    public async Task The_end_of_the_stream_before_any_answer_to_a_request_is_an_error()
    {
        await _client.WriteAsync(Request);
        _server.Shutdown(SocketShutdown.Send);

        var error = Assert.CatchAsync<HttpIOException>(async () => _ = await _client.ReadAsync(new byte[64]));

        Assert.That(error!.HttpRequestError, Is.EqualTo(HttpRequestError.ResponseEnded));
        Assert.That(Transmission.NothingWasSent(error), Is.False, "the request may have reached the server");
    }

    [Test]
    public async Task The_end_of_the_stream_after_an_answer_began_is_its_end()
    {
        await _client.WriteAsync(Request);
        var answer = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}"u8.ToArray();
        await _server.SendAsync(answer);
        _server.Shutdown(SocketShutdown.Send);

        var buffer = new byte[256];
        var answered = 0;
        int read;
        while ((read = await _client.ReadAsync(buffer.AsMemory(answered))) > 0)
        {
            answered += read;
        }

        Assert.That(answered, Is.EqualTo(answer.Length), "all of it, then the end");
    }

    [Test]
    public async Task A_request_is_not_written_into_a_connection_seen_closed()
    {
        _server.Shutdown(SocketShutdown.Send);
        Assert.That(await _client.ReadAsync(new byte[64]), Is.EqualTo(0), "the pool's read-ahead on the idle connection sees the end");

        var error = Assert.CatchAsync(async () => await _client.WriteAsync(Request));
        _client.Dispose();

        Assert.That(error, Is.TypeOf<ConnectionClosedBeforeSendException>());
        Assert.That(Transmission.NothingWasSent(new HttpRequestException("An error occurred while sending the request.", error)), Is.True);
        Assert.That(await ServerReadsToEndAsync(), Is.EqualTo(0), "not one byte of the request arrived");
    }

    [Test]
    public async Task Zero_byte_reads_pass_through_without_judging_the_stream()
    {
        await _client.WriteAsync(Request);
        await _server.SendAsync("HTTP/1.1 200 OK\r\n"u8.ToArray());

        // Zero-byte reads return 0 once data is waiting; read as an end of stream, this one would fail the request.
        Assert.That(await _client.ReadAsync(Memory<byte>.Empty), Is.EqualTo(0));
        Assert.That(await _client.ReadAsync(new byte[64]), Is.EqualTo(17));
    }

    [Test]
    public void Only_a_connection_seen_closed_before_the_write_proves_nothing_was_sent()
    {
        Assert.That(Transmission.NothingWasSent(new InvalidOperationException("Flurl", new HttpRequestException("x", new ConnectionClosedBeforeSendException()))), Is.True);
        Assert.That(Transmission.NothingWasSent(new HttpRequestException("x", new HttpIOException(HttpRequestError.ResponseEnded))), Is.False);
        Assert.That(Transmission.NothingWasSent(new HttpRequestException("x", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))), Is.False);
    }
}
