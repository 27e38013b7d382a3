using System.Buffers;
using System.Runtime.CompilerServices;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// A response body, read once however many steps ask for it, and never past a bound: first its start (enough to show
/// in an error, so headers can be judged before the body is read), then all of it up to the call's limit, or streamed
/// to a file. An answer that declares more than the limit is refused before a byte of it is read.
/// </summary>
internal sealed class ResponseBody
{
    private const int Chunk = 64 * 1024;
    private static readonly ConditionalWeakTable<HttpResponseMessage, ResponseBody> Bodies = [];

    private readonly HttpResponseMessage _message;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Stream? _stream;
    private byte[] _read = [];
    private bool _complete;

    private ResponseBody(HttpResponseMessage message) => _message = message;

    /// <summary>The body's <c>Content-Length</c>, when the answer declared one.</summary>
    public long? Declared => _message.Content.Headers.ContentLength;

    public static ResponseBody Of(HttpResponseMessage message) => Bodies.GetValue(message, static m => new ResponseBody(m));

    /// <summary>The whole body; <see cref="ResponseTooLargeException"/> when it is longer than <paramref name="limit"/>.</summary>
    public async Task<byte[]> AllAsync(long limit, CancellationToken token)
    {
        if (Declared > limit)
        {
            throw TooLarge(limit, Declared);
        }

        await FillAsync(limit, keepOverflow: false, token).ConfigureAwait(false);
        return _complete ? _read : throw TooLarge(limit, Declared);
    }

    /// <summary>At most <paramref name="max"/> bytes from the start, and whether they are the whole body.</summary>
    public async Task<(byte[] Bytes, bool Complete)> StartAsync(int max, CancellationToken token)
    {
        await FillAsync(max, keepOverflow: true, token).ConfigureAwait(false);
        return _read.Length <= max ? (_read, _complete) : (_read[..max], false);
    }

    /// <summary>
    /// Copies the body to <paramref name="destination"/>, what was already read first, handing each piece to
    /// <paramref name="hash"/>; gives up past <paramref name="limit"/> bytes, or when no data came for
    /// <paramref name="idle"/>. Returns the number of bytes copied.
    /// </summary>
    public async Task<long> CopyToAsync(Stream destination, long limit, System.Security.Cryptography.IncrementalHash? hash, TimeSpan idle, IProgress<long>? progress, CancellationToken token)
    {
        if (Declared > limit)
        {
            throw TooLarge(limit, Declared, streamed: true);
        }

        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            long total = _read.Length;
            if (total > limit)
            {
                throw TooLarge(limit, Declared, streamed: true);
            }

            hash?.AppendData(_read);
            await destination.WriteAsync(_read, token).ConfigureAwait(false);
            if (_complete)
            {
                progress?.Report(total);
                return total;
            }

            var stream = _stream ??= await _message.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(token);
            try
            {
                while (true)
                {
                    if (idle != Timeout.InfiniteTimeSpan)
                    {
                        quiet.CancelAfter(idle);
                    }

                    var n = await stream.ReadAsync(buffer.AsMemory(0, Chunk), quiet.Token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        _complete = true;
                        return total;
                    }

                    total += n;
                    if (total > limit)
                    {
                        throw TooLarge(limit, Declared, streamed: true);
                    }

                    hash?.AppendData(buffer.AsSpan(0, n));
                    await destination.WriteAsync(buffer.AsMemory(0, n), token).ConfigureAwait(false);
                    progress?.Report(total);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads on until the body is complete or more than <paramref name="limit"/> bytes are in; past the limit, what was
    /// read is kept only when <paramref name="keepOverflow"/> (the start of a body the caller may read on).
    /// </summary>
    private async Task FillAsync(long limit, bool keepOverflow, CancellationToken token)
    {
        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (_complete || _read.Length > limit)
            {
                return;
            }

            var stream = _stream ??= await _message.Content.ReadAsStreamAsync(token).ConfigureAwait(false);

            // Pieces are rented, so an answer that runs past the limit costs no lasting memory; only a body that is
            // kept gets an array of its own, of its exact size.
            var pieces = new List<(byte[] Array, int Count)>();
            long total = _read.Length;
            try
            {
                while (total <= limit)
                {
                    var size = (int)Math.Min(Chunk, Math.Max(1, (Declared ?? limit + 1) - total));
                    var piece = ArrayPool<byte>.Shared.Rent(size);
                    pieces.Add((piece, 0));
                    var n = await stream.ReadAsync(piece.AsMemory(0, size), token).ConfigureAwait(false);
                    pieces[^1] = (piece, n);
                    if (n == 0)
                    {
                        _complete = true;
                        break;
                    }

                    total += n;
                }

                if (!_complete && !keepOverflow)
                {
                    return;
                }

                var all = new byte[total];
                _read.CopyTo(all, 0);
                var at = _read.Length;
                foreach (var (array, count) in pieces)
                {
                    array.AsSpan(0, count).CopyTo(all.AsSpan(at));
                    at += count;
                }

                _read = all;
            }
            finally
            {
                foreach (var (array, _) in pieces)
                {
                    ArrayPool<byte>.Shared.Return(array);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private ResponseTooLargeException TooLarge(long limit, long? declared, bool streamed = false)
    {
        var request = _message.RequestMessage!;
        return new ResponseTooLargeException(new WeChatPayResponse(request.Method, request.RequestUri!, _message, []), limit, declared, streamed);
    }
}
