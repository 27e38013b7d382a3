using System.Net;
using System.Net.Sockets;
using System.Text;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Testing;

/// <summary>On a bare socket: the fake platform ends a connection the way each fault's documentation says, FIN or RST.</summary>
public class ConnectionFaultTests
{
    private FakePlatform _platform = null!;

    [OneTimeSetUp]
    public async Task Start() => _platform = await FakePlatform.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private async Task<Socket> SendAsync(Fault fault)
    {
        _platform.Faults.Inject(fault);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _platform.HttpBaseUri.Port));
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET /v3/profitsharing/return-orders/R-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        return socket;
    }

    [Test]
    public async Task CloseConnection_ends_the_stream_with_a_fin_and_no_answer()
    {
        using var socket = await SendAsync(Fault.CloseConnection);
        var buffer = new byte[256];

        Assert.That(await socket.ReceiveAsync(buffer), Is.EqualTo(0), "the end of the stream, before any byte of an answer");
        Assert.That(await socket.ReceiveAsync(buffer), Is.EqualTo(0), "and no reset follows while the client keeps its side open");
        Assert.That(_platform.Requests[^1].Fault, Is.EqualTo(Fault.CloseConnection));
    }

    [Test]
    public async Task DropConnection_resets_the_connection()
    {
        using var socket = await SendAsync(Fault.DropConnection);

        var error = Assert.CatchAsync<SocketException>(async () => await socket.ReceiveAsync(new byte[256]));

        Assert.That(error!.SocketErrorCode, Is.EqualTo(SocketError.ConnectionReset));
    }
}
