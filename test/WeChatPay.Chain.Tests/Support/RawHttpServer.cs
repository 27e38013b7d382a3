using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that records each request exactly as its bytes arrived (request line,
/// headers, body) and answers with what the test supplies. It proves what goes on the wire, below any HTTP library.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Received, Task<(int Status, IDictionary<string, string> Headers, string Body)>> _respond;
    private readonly Task _loop;
    private int _connections;

    public RawHttpServer(Func<Received, Task<(int Status, IDictionary<string, string> Headers, string Body)>> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public List<Received> Requests { get; } = [];

    /// <summary>How many connections were accepted: zero proves that not one byte was sent, not even a broken request.</summary>
    public int Connections => Volatile.Read(ref _connections);

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

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new List<byte>();
            var chunk = new byte[4096];
            int headEnd;
            while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
            }

            var head = Encoding.ASCII.GetString([.. buffer.Take(headEnd)]).Split("\r\n");
            var headers = head.Skip(1).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l) : 0;
            var body = buffer.Skip(headEnd + 4).ToList();
            while (body.Count < length)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                body.AddRange(chunk.AsSpan(0, read));
            }

            var parts = head[0].Split(' ');
            var received = new Received(parts[0], parts[1], headers, [.. body]);
            lock (Requests)
            {
                Requests.Add(received);
            }

            var (status, answerHeaders, answer) = await _respond(received);
            var bytes = Encoding.UTF8.GetBytes(answer);
            var text = new StringBuilder($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n");
            foreach (var (name, value) in answerHeaders)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.Append("\r\n").ToString()), _stop.Token);
            await stream.WriteAsync(bytes, _stop.Token);
        }
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

    /// <summary>A request as its bytes arrived: the method, the request-target, the headers, the body bytes.</summary>
    internal sealed record Received(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);
    }
}
