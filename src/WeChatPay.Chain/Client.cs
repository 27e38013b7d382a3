using System.Text;
using Flurl.Http;
using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>
/// What every chain node of one <see cref="Builder.Factory"/> call shares: the Flurl client with its pipeline and the
/// base address. It turns (method, path, options) into one request, sends it, and returns the verified response.
/// </summary>
internal sealed class Client
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IFlurlClient _flurl;
    private readonly Uri _baseUri;

    public Client(IFlurlClient flurl, Uri baseUri)
    {
        _flurl = flurl;
        _baseUri = baseUri;
    }

    public async Task<WeChatPayResponse> SendAsync(HttpMethod method, PathTemplate path, object? options, CancellationToken cancellationToken)
    {
        var request = Prepare(method, path, RequestOptions.Read(options, path), out var content);
        IFlurlResponse sent;
        try
        {
            sent = await request.SendAsync(method, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (FlurlHttpException e) when (cancellationToken.IsCancellationRequested && e is not FlurlHttpTimeoutException)
        {
            // Flurl wraps the caller's own cancellation; the caller expects to see it as such.
            throw new OperationCanceledException($"{method} {path.Text} was cancelled.", e, cancellationToken);
        }

        var message = sent.ResponseMessage;
        var body = await ResponseBody.ReadAsync(message).ConfigureAwait(false);
        var response = new WeChatPayResponse(method, message.RequestMessage?.RequestUri ?? request.Url.ToUri(), message, body);
        return response.IsSuccess ? response : throw WeChatPayApiException.From(response);
    }

    private IFlurlRequest Prepare(HttpMethod method, PathTemplate path, RequestOptions options, out HttpContent? content)
    {
        if (path.IsV2)
        {
            throw new NotSupportedException($"{path.Text} is an APIv2 (XML) path; APIv2 calls are not supported by this version yet.");
        }

        if (options.Xml is not null || options.Security)
        {
            throw new ArgumentException($"Options \"xml\" and \"security\" are for APIv2 paths (v2/…); {path.Text} is APIv3: pass its body as \"json\".", options.Xml is not null ? "xml" : "security");
        }

        var request = _flurl.Request(Url(options.BaseUri ?? _baseUri, path.Expand(options.Placeholders), options.Query));
        foreach (var (name, value) in options.Headers)
        {
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("Option \"headers\" may not set Authorization: the signer sets it for each attempt.", "headers");
            }

            request.WithHeader(name, value);
        }

        content = Body(options);
        if (content is not null && method == HttpMethod.Get)
        {
            throw new ArgumentException($"A GET request carries no body; pass the fields of GET {path.Text} as option \"query\".", options.HasJson ? "json" : "body");
        }

        return request;
    }

    private static HttpContent? Body(RequestOptions options) => options switch
    {
        { HasJson: true } => new SignedBody(Json.Serialize(options.Json)),
        { Body: null } => null,
        { Body: string text } => new SignedBody(text),
        { Body: byte[] bytes } => new SignedBody(Utf8(bytes)),
        { Body: HttpContent other } => other,
        _ => throw new ArgumentException("Option \"body\" must be a string, a byte array or an HttpContent.", "body"),
    };

    private static string Utf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArgumentException("Option \"body\" bytes are not UTF-8; an APIv3 body is signed as UTF-8 text.", "body", e);
        }
    }

    private static string Url(Uri baseUri, string path, List<KeyValuePair<string, string>> query)
    {
        var url = new StringBuilder(baseUri.GetLeftPart(UriPartial.Path));
        if (url[^1] != '/')
        {
            url.Append('/');
        }

        url.Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return url.ToString();
    }
}
