using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// A response as received: status, headers, the raw body, and the body parsed. Built from the bytes that were
/// verified, which are read once.
/// </summary>
public sealed class WeChatPayResponse
{
    private readonly byte[] _body;
    private string? _text;
    private JToken? _data;
    private bool _parsed;

    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's URI as sent.</param>
    /// <param name="message">The response message.</param>
    /// <param name="body">The body bytes, read once.</param>
    /// <param name="data">The parsed body when the caller parsed it (APIv2 fields); else JSON is parsed on first use.</param>
    /// <param name="isJson">Whether the body is JSON to parse; an APIv2 file answer is not, and has no <see cref="Data"/>.</param>
    internal WeChatPayResponse(HttpMethod method, Uri requestUri, HttpResponseMessage message, byte[] body, JToken? data = null, bool isJson = true)
    {
        Method = method;
        RequestUri = requestUri;
        Message = message;
        _body = body;
        _data = data;
        _parsed = data is not null || !isJson;
    }

    /// <summary>The response of a call in flight, for a pipeline step that rejects it.</summary>
    internal static WeChatPayResponse Of(Flurl.Http.FlurlCall call, byte[] body) =>
        new(call.HttpRequestMessage.Method, call.HttpRequestMessage.RequestUri!, call.HttpResponseMessage, body);

    /// <summary>The method of the request this answers.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's URI as sent.</summary>
    public Uri RequestUri { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => (int)Message.StatusCode;

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The response message, for headers and anything else Flurl and <see cref="HttpClient"/> expose.</summary>
    public HttpResponseMessage Message { get; }

    /// <summary>The platform's <c>Request-ID</c>, to quote in support tickets.</summary>
    public string? RequestId => Header("Request-ID");

    /// <summary>The raw body bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _body;

    /// <summary>The body bytes as read, shared with the parsed forms.</summary>
    internal byte[] BodyBytes => _body;

    /// <summary>
    /// Whether the answer's signature (APIv3) or <c>sign</c> (APIv2) was verified before it was returned: always, unless
    /// the pipeline's <c>verifier</c> step was removed, or for the few APIv2 answers the platform does not sign.
    /// </summary>
    public bool IsVerified { get; internal set; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Body => _text ??= Encoding.UTF8.GetString(_body);

    /// <summary>
    /// The body for <c>res.Data.out_return_no</c>-style reading: the JSON of an APIv3 answer, the fields of an APIv2
    /// one (as strings); <see langword="null"/> for an empty body.
    /// </summary>
    /// <exception cref="JsonReaderException">The body is not JSON.</exception>
    public dynamic? Data => Parsed;

    internal JToken? Parsed
    {
        get
        {
            if (!_parsed)
            {
                _data = _body.Length == 0 ? null : Json.Parse(Body);
                _parsed = true;
            }

            return _data;
        }
    }

    private JToken? TryParse()
    {
        try
        {
            return Parsed;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    /// <summary>The body (<see cref="Data"/>) deserialised to <typeparamref name="T"/> with Newtonsoft.Json.</summary>
    /// <typeparam name="T">The type to read into.</typeparam>
    public T As<T>() => Parsed is { } data ? Json.Deserialize<T>(data) : Json.Deserialize<T>(Body);

    /// <summary>One header's value (response or content header); several values are joined by <c>", "</c>.</summary>
    /// <param name="name">The header name, any case.</param>
    public string? Header(string name) => HeaderOf(Message, name);

    /// <summary>A header of <paramref name="message"/>, several values joined by <c>", "</c>, as HTTP folds them.</summary>
    internal static string? HeaderOf(HttpResponseMessage message, string name) =>
        message.Headers.TryGetValues(name, out var values) || message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>
    /// Makes a response awaitable, so that code ported from the Node SDK, <c>await wx.V3.Pay.Transactions.Native.post(…)</c>,
    /// compiles and runs: the sync <c>post</c> has already waited for the answer, and awaiting it gives the response
    /// itself, at once. In async code prefer <c>PostAsync</c>, which does not block a thread while the call is in flight.
    /// </summary>
    /// <returns>An awaiter that is already complete, with this response as its result.</returns>
    public TaskAwaiter<WeChatPayResponse> GetAwaiter() => Task.FromResult(this).GetAwaiter();

    /// <summary>
    /// What LINQPad's <c>Dump()</c> shows (it calls <c>ToDump</c> by name): the status, the request, its Request-ID,
    /// whether the answer was verified, and the data as nested tables rather than a raw JSON object.
    /// </summary>
    /// <returns>A plain object for display.</returns>
    public object ToDump() => new
    {
        Status = $"{StatusCode} {(HttpStatusCode)StatusCode}",
        Request = $"{Method} {RequestUri.PathAndQuery}",
        RequestId,
        Verified = IsVerified,
        Data = DumpData(),
    };

    /// <summary>The data for display: JSON or APIv2 fields as nested tables, other short text as it is, else its size.</summary>
    internal object? DumpData() =>
        _body.Length == 0 ? null : TryParse() is { } data ? Dumped.Of(data) : _body.Length <= 4096 ? Body : $"{_body.Length:N0} bytes";

    /// <summary>Status, method, URI and request id; never the body, which may carry personal data.</summary>
    public override string ToString() =>
        $"{StatusCode} {(HttpStatusCode)StatusCode} for {Method} {RequestUri.PathAndQuery}{(RequestId is { } id ? $" (Request-ID {id})" : string.Empty)}";
}
