using System.Security.Cryptography;
using Flurl.Http;
using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>
/// One call in flight: sent with its deadline, answered with its headers only, then its body read into memory (never
/// past the limit) or streamed to a file. Every failure reaches the caller as the library's own exception: the caller's
/// cancellation as <see cref="OperationCanceledException"/>, the deadline as <see cref="WeChatPayTimeoutException"/>, no
/// answer as <see cref="WeChatPayTransportException"/>. An answer not read to its end is released, so its connection
/// is closed rather than drained.
/// </summary>
internal sealed class Exchange : IDisposable
{
    private readonly HttpMethod _method;
    private readonly CallRequest _request;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _deadline;
    private readonly CallTarget _target;
    private HttpResponseMessage? _message;
    private bool _done;

    private Exchange(HttpMethod method, CallRequest request, TimeSpan timeout, CancellationToken caller, CancellationTokenSource deadline, CallTarget target)
    {
        _method = method;
        _request = request;
        _timeout = timeout;
        _caller = caller;
        _deadline = deadline;
        _target = target;
    }

    private CallContext Context => _request.Context;

    private Uri Uri => _message?.RequestMessage?.RequestUri ?? _request.Url.ToUri();

    private bool Succeeded => (int)_message!.StatusCode is >= 200 and < 300;

    /// <summary>Sends the request and waits for the answer's headers (the <c>verifier</c> has judged them when this returns).</summary>
    public static async Task<Exchange> StartAsync(
        IFlurlClient flurl, HttpMethod method, string url, HttpContent? content, List<KeyValuePair<string, string>> headers,
        long maxResponseBytes, (string Algorithm, string Hex)? digest, TimeSpan timeout, CallTarget target, Transport.Attempts attempts, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        var request = new CallRequest(url, new CallContext(maxResponseBytes, deadline.Token) { Digest = digest, Attempts = attempts }) { Client = flurl };
        foreach (var (name, value) in headers)
        {
            request.WithHeader(name, value);
        }

        var exchange = new Exchange(method, request, timeout, cancellationToken, deadline, target);
        try
        {
            exchange._message = (await request.SendAsync(method, content, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false)).ResponseMessage;
            return exchange;
        }
        catch (Exception e)
        {
            exchange._message ??= request.Context.Call?.HttpResponseMessage;
            exchange.Dispose();
            if (exchange.Translated(e) is { } translated)
            {
                throw translated;
            }

            throw;
        }
    }

    /// <summary>The answer read into memory; the platform's failure raised as its exception.</summary>
    public async Task<WeChatPayResponse> ReadAsync(Func<WeChatPayResponse, bool, WeChatPayResponse> success)
    {
        try
        {
            await ThrowIfFailedAsync().ConfigureAwait(false);
            var body = await ResponseBody.Of(_message!).AllAsync(Context.MaxResponseBytes, Context.Token).ConfigureAwait(false);
            _done = true;
            var response = new WeChatPayResponse(_method, Uri, _message!, body);
            if (Context.Digest is { } digest)
            {
                Download.Check(response, digest.Algorithm, digest.Hex, Hash(digest.Algorithm, body));
            }

            return success(response, Context.Verified);
        }
        catch (Exception e) when (Translated(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// Streams the answer to <paramref name="destination"/>, at most <paramref name="maxBytes"/> bytes, checking its
    /// digest as it goes; the call's deadline then stands for the longest wait for data. Returns the bytes written.
    /// </summary>
    public async Task<long> CopyToAsync(Stream destination, long maxBytes, IProgress<long>? progress)
    {
        try
        {
            await ThrowIfFailedAsync().ConfigureAwait(false);
            _deadline.CancelAfter(Timeout.InfiniteTimeSpan);
            using var hash = Context.Digest is { } digest ? Hasher(digest.Algorithm) : null;
            long written;
            try
            {
                written = await ResponseBody.Of(_message!).CopyToAsync(destination, maxBytes, hash, _timeout, progress, Context.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!_caller.IsCancellationRequested)
            {
                throw new TimeoutException("No data came within the timeout.", e);
            }

            _done = true;
            if (hash is not null)
            {
                Download.Check(new WeChatPayResponse(_method, Uri, _message!, []), Context.Digest!.Value.Algorithm, Context.Digest.Value.Hex, hash.GetHashAndReset());
            }

            return written;
        }
        catch (Exception e) when (Translated(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Releases the answer unless it was read to its end (so an unread body closes its connection), and the deadline.</summary>
    public void Dispose()
    {
        if (!_done)
        {
            _message?.Dispose();
        }

        _deadline.Dispose();
    }

    /// <summary>A non-2xx answer raised as <see cref="WeChatPayApiException"/>, its body kept whole only when it was verified.</summary>
    private async Task ThrowIfFailedAsync()
    {
        if (Succeeded)
        {
            return;
        }

        var (body, complete) = Context.Verified
            ? (await ResponseBody.Of(_message!).AllAsync(Context.MaxResponseBytes, Context.Token).ConfigureAwait(false), true)
            : await ResponseBody.Of(_message!).StartAsync(CallContext.ExcerptBytes, Context.Token).ConfigureAwait(false);
        _done = complete;
        throw WeChatPayApiException.From(new WeChatPayResponse(_method, Uri, _message!, body) { IsVerified = Context.Verified }, Context.Verified, cut: !complete, _target);
    }

    /// <summary>The library's exception for a failure of the transport or the clock; <see langword="null"/> for one that is already the caller's to see.</summary>
    private Exception? Translated(Exception e)
    {
        if (_caller.IsCancellationRequested && e is OperationCanceledException or FlurlHttpException or TimeoutException)
        {
            // Flurl wraps the caller's own cancellation; the caller expects to see it as such.
            return new OperationCanceledException($"{_method} {Uri.AbsolutePath} was cancelled.", e, _caller);
        }

        if (e is FlurlHttpTimeoutException or TimeoutException || (_deadline.IsCancellationRequested && e is OperationCanceledException or FlurlHttpException))
        {
            return new WeChatPayTimeoutException(_method, Uri, _timeout, e);
        }

        return e switch
        {
            FlurlHttpException { Call.Response: null } => new WeChatPayTransportException(_method, Uri, MayHaveReached(e), e),
            HttpRequestException or IOException => new WeChatPayTransportException(_method, Uri, mayHaveReachedPlatform: true, e),
            _ => null,
        };
    }

    /// <summary>
    /// False only when the failure proves the request never left whole: no host, no connection, no TLS, or a connection
    /// the send-once guard knew was closed before a byte of the request was written.
    /// </summary>
    private static bool MayHaveReached(Exception e)
    {
        if (Transport.Transmission.NothingWasSent(e))
        {
            return false;
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
            {
                return false;
            }
        }

        return true;
    }

    private static IncrementalHash Hasher(string algorithm) => IncrementalHash.CreateHash(Download.HashAlgorithm(algorithm, "hash_type"));

    private static byte[] Hash(string algorithm, byte[] body)
    {
        using var hash = Hasher(algorithm);
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
