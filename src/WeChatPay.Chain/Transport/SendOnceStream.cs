namespace WeChatPay.Chain.Transport;

/// <summary>
/// The plaintext stream of one HTTP/1.x connection, as <see cref="SocketsHttpHandler"/> reads and writes it, kept
/// from letting the connection pool send a request twice. The pool re-sends a request without content (same bytes,
/// same <c>Authorization</c>, so the same nonce) on a new connection when the first read of its answer meets the end
/// of the stream; here that read fails instead, so the pool hands the error to the caller, and the request, which may
/// have reached the server, is not repeated behind the caller's back. And a request is never written into a
/// connection already seen closed.
/// </summary>
internal sealed class SendOnceStream(Stream inner) : Stream
{
    private readonly object _gate = new();

    // A request byte went out and no answer byte has come back since: the end of the stream now means "no answer".
    private bool _unanswered;

    // The end of the stream was seen: nothing more may be written, as it could not be answered.
    private bool _ended;

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => buffer.IsEmpty ? inner.Read(buffer) : Received(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // The pool's scavenger waits for data with zero-byte reads: they say nothing about where the stream ends.
        if (buffer.IsEmpty)
        {
            return inner.ReadAsync(buffer, cancellationToken);
        }

        var read = inner.ReadAsync(buffer, cancellationToken);
        if (!read.IsCompletedSuccessfully)
        {
            return ReceivedAsync(read);
        }

        try
        {
            return ValueTask.FromResult(Received(read.Result));
        }
        catch (IOException e)
        {
            return ValueTask.FromException<int>(e);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!buffer.IsEmpty)
        {
            Sending();
        }

        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!buffer.IsEmpty)
        {
            try
            {
                Sending();
            }
            catch (ConnectionClosedBeforeSendException e)
            {
                return ValueTask.FromException(e);
            }
        }

        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReceivedAsync(ValueTask<int> read) => Received(await read.ConfigureAwait(false));

    // The pool may read ahead on an idle connection and have that read end only after the next request was written:
    // what counts is the order in which the read ended and the write began, which the lock makes one or the other.
    private int Received(int count)
    {
        lock (_gate)
        {
            if (count > 0)
            {
                _unanswered = false;
                return count;
            }

            _ended = true;
            if (_unanswered)
            {
                throw new HttpIOException(
                    HttpRequestError.ResponseEnded,
                    "The server closed the connection without answering the request; it may have reached the server, so it is not sent again.");
            }

            return 0;
        }
    }

    private void Sending()
    {
        lock (_gate)
        {
            if (_ended)
            {
                throw new ConnectionClosedBeforeSendException();
            }

            _unanswered = true;
        }
    }
}
