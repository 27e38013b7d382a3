using System.Net;
using System.Net.NetworkInformation;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that records each request exactly as its bytes arrived (request line,
/// headers, body, and the connection it came on) and does what the test's script says for each one: answer and keep
/// the connection alive, answer and close, close gracefully without an answer (FIN), or reset (RST). With a
/// certificate it speaks TLS. It proves what goes on the wire, below any HTTP library.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Received, Task<Reply>> _script;
    private readonly X509Certificate2? _certificate;
    private readonly List<IPEndPoint> _clients = [];
    private readonly Task _loop;

    /// <summary>Answers every request with what <paramref name="respond"/> gives, then closes the connection.</summary>
    public RawHttpServer(Func<Received, Task<(int Status, IDictionary<string, string> Headers, string Body)>> respond)
        : this(async received =>
        {
            var (status, headers, body) = await respond(received);
            return Reply.AnswerAndClose(status, headers, body);
        })
    {
    }

    /// <summary>Does for each request what <paramref name="script"/> says; speaks TLS with <paramref name="certificate"/> when given.</summary>
    public RawHttpServer(Func<Received, Task<Reply>> script, X509Certificate2? certificate = null)
    {
        _script = script;
        _certificate = certificate;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUri => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Every request received, in order: each one is one send on the wire.</summary>
    public List<Received> Requests { get; } = [];

    /// <summary>How many connections the client opened: zero proves that not one byte was sent, not even a broken request.</summary>
    public int Connections
    {
        get
        {
            lock (_clients)
            {
                return _clients.Count;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>
    /// Waits until the client's TCP stack has acknowledged the FIN this server sent on <paramref name="connection"/>
    /// (the server's end of it has left FIN-WAIT-1), so the client's next read of that connection sees end of stream.
    /// </summary>
    public async Task FinAcknowledgedAsync(int connection)
    {
        IPEndPoint client;
        lock (_clients)
        {
            client = _clients[connection - 1];
        }

        var local = (IPEndPoint)_listener.LocalEndpoint;
        while (IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Any(c => c.LocalEndPoint.Equals(local) && c.RemoteEndPoint.Equals(client) && c.State is TcpState.Established or TcpState.FinWait1))
        {
            await Task.Delay(5, _stop.Token);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            int number;
            lock (_clients)
            {
                _clients.Add((IPEndPoint)socket.RemoteEndPoint!);
                number = _clients.Count;
            }

            _ = Task.Run(() => ServeAsync(socket, number));
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        using (socket)
        {
            try
            {
                await using var network = new NetworkStream(socket, ownsSocket: false);
                Stream stream = network;
                if (_certificate is not null)
                {
                    var tls = new SslStream(network, leaveInnerStreamOpen: true);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = tls;
                }

                await using (stream)
                {
                    var buffer = new List<byte>();
                    while (await ReadRequestAsync(stream, buffer, connection) is { } received)
                    {
                        lock (Requests)
                        {
                            Requests.Add(received);
                        }

                        var reply = await _script(received);
                        if (!await CarryOutAsync(reply, socket, stream))
                        {
                            return;
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away (or the server is stopping): nothing more to record on this connection.
            }
        }
    }

    /// <summary>Does what <paramref name="reply"/> says; whether the connection stays open for the next request.</summary>
    private async Task<bool> CarryOutAsync(Reply reply, Socket socket, Stream stream)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Reset:
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                return false;
            case ReplyKind.CloseGracefully:
                await CloseGracefullyAsync(socket, stream);
                return false;
            case ReplyKind.Raw:
                await reply.Write!(stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                await CloseGracefullyAsync(socket, stream);
                return false;
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        var text = new StringBuilder($"HTTP/1.1 {reply.Status} {(HttpStatusCode)reply.Status}\r\nContent-Type: application/json\r\n");
        if (reply.Kind != ReplyKind.AnswerCloseDelimited)
        {
            text.Append($"Content-Length: {bytes.Length}\r\n");
        }

        if (reply.Kind is ReplyKind.AnswerAndClose or ReplyKind.AnswerCloseDelimited)
        {
            text.Append("Connection: close\r\n");
        }

        foreach (var (name, value) in reply.Headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.Append("\r\n").ToString()), _stop.Token);
        await stream.WriteAsync(bytes, _stop.Token);
        await stream.FlushAsync(_stop.Token);
        if (reply.Kind == ReplyKind.AnswerKeepAlive)
        {
            return true;
        }

        await CloseGracefullyAsync(socket, stream);
        return false;
    }

    /// <summary>
    /// FIN: TLS's close_notify when speaking TLS, then a shutdown of the sending side; the socket is closed only
    /// after the client has closed its side too, so no late byte from the client turns the close into a reset.
    /// </summary>
    private async Task CloseGracefullyAsync(Socket socket, Stream stream)
    {
        if (stream is SslStream tls)
        {
            await tls.ShutdownAsync();
        }

        socket.Shutdown(SocketShutdown.Send);
        var drain = new byte[1024];
        while (await socket.ReceiveAsync(drain, SocketFlags.None, _stop.Token) > 0)
        {
        }
    }

    /// <summary>The next request on the connection, or <see langword="null"/> when the client closed it between requests.</summary>
    private async Task<Received?> ReadRequestAsync(Stream stream, List<byte> buffer, int connection)
    {
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. buffer.Take(headEnd)]).Split("\r\n");
        var headers = head.Skip(1).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l) : 0;
        buffer.RemoveRange(0, headEnd + 4);
        while (buffer.Count < length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var body = buffer.Take(length).ToArray();
        buffer.RemoveRange(0, length);
        var parts = head[0].Split(' ');
        return new Received(parts[0], parts[1], headers, body, connection);
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A request as its bytes arrived: the method, the request-target, the headers, the body bytes, and the connection (1 = the first opened).</summary>
    internal sealed record Received(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Connection)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);
    }

    internal enum ReplyKind
    {
        AnswerKeepAlive,
        AnswerAndClose,
        AnswerCloseDelimited,
        AnswerThenClose,
        CloseGracefully,
        Reset,
        Raw,
    }

    /// <summary>What the server does with one request.</summary>
    internal sealed record Reply(ReplyKind Kind, int Status, IDictionary<string, string> Headers, string Body)
    {
        /// <summary>For <see cref="ReplyKind.Raw"/>: writes the whole answer, status line included, byte for byte.</summary>
        public Func<Stream, CancellationToken, Task>? Write { get; init; }

        /// <summary>Writes whatever <paramref name="write"/> writes (a flood, repeated headers, anything), then closes gracefully.</summary>
        public static Reply Raw(Func<Stream, CancellationToken, Task> write) => new(ReplyKind.Raw, 0, new Dictionary<string, string>(), string.Empty) { Write = write };

        /// <summary>Closes the connection gracefully without answering: FIN (after TLS close_notify), no bytes of an answer.</summary>
        public static readonly Reply CloseGracefully = new(ReplyKind.CloseGracefully, 0, new Dictionary<string, string>(), string.Empty);

        /// <summary>Resets the connection without answering: RST (linger 0, then close).</summary>
        public static readonly Reply Reset = new(ReplyKind.Reset, 0, new Dictionary<string, string>(), string.Empty);

        /// <summary>Answers with a <c>Content-Length</c> and keeps the connection open for the next request.</summary>
        public static Reply Answer(int status, IDictionary<string, string> headers, string body) => new(ReplyKind.AnswerKeepAlive, status, headers, body);

        /// <summary>Answers as for keep-alive, then closes the idle connection gracefully (FIN), as a server's keep-alive timeout does.</summary>
        public static Reply AnswerThenClose(int status, IDictionary<string, string> headers, string body) => new(ReplyKind.AnswerThenClose, status, headers, body);

        /// <summary>Answers with a <c>Content-Length</c> and <c>Connection: close</c>, then closes gracefully.</summary>
        public static Reply AnswerAndClose(int status, IDictionary<string, string> headers, string body) => new(ReplyKind.AnswerAndClose, status, headers, body);

        /// <summary>Answers without a <c>Content-Length</c>, with <c>Connection: close</c>: the body ends where the connection does (FIN).</summary>
        public static Reply AnswerCloseDelimited(int status, IDictionary<string, string> headers, string body) => new(ReplyKind.AnswerCloseDelimited, status, headers, body);
    }
}
