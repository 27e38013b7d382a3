using System.Text;
using System.Xml;
using Flurl.Http;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>
/// What every chain node of one <see cref="Builder.Factory"/> call shares: the Flurl clients with their pipelines
/// (APIv3; APIv2; APIv2 with the merchant certificate) and the base address. It turns (method, path, options) into
/// one request, sends it, and returns the verified response or raises the platform's error.
/// </summary>
internal sealed class Client(Uri baseUri, Identity identity, IFlurlClient? v3, IFlurlClient? v2, IFlurlClient? v2Secure)
{
    /// <summary>The merchant and the keys that check what the platform sends outside a call (notifications).</summary>
    public Identity Identity => identity;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<WeChatPayResponse> SendAsync(HttpMethod method, PathTemplate path, object? options, CancellationToken cancellationToken)
    {
        var read = RequestOptions.Read(options, path);
        var wire = path.Expand(read.Placeholders);
        var (flurl, content) = path.IsV2 ? PrepareV2(method, path, wire, read) : PrepareV3(method, path, read);
        if (content is SignedBody { SealedWith: { } serial })
        {
            read.Headers.RemoveAll(h => h.Key.Equals("Wechatpay-Serial", StringComparison.OrdinalIgnoreCase));
            read.Headers.Add(new("Wechatpay-Serial", serial));
        }

        var request = flurl.Request(Url(read.BaseUri ?? baseUri, wire, read.Query));
        foreach (var (name, value) in read.Headers)
        {
            HeaderName.Check(name);
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("Option \"headers\" may not set Authorization: the signer sets it for each attempt.", "headers");
            }

            request.WithHeader(name, value);
        }

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
        var uri = message.RequestMessage?.RequestUri ?? request.Url.ToUri();
        var response = new WeChatPayResponse(method, uri, message, body);
        if (!response.IsSuccess)
        {
            throw WeChatPayApiException.From(response);
        }

        return path.IsV2 ? V2Result(response, message, body, uri.AbsolutePath) : response;
    }

    private (IFlurlClient, HttpContent?) PrepareV3(HttpMethod method, PathTemplate path, RequestOptions options)
    {
        if (v3 is null)
        {
            throw new InvalidOperationException($"{path.Text} is an APIv3 path, and this instance has no APIv3 keys: set Serial, PrivateKey and Certs in BuilderOptions.");
        }

        if (options.Xml is not null || options.Security)
        {
            throw new ArgumentException($"Options \"xml\" and \"security\" are for APIv2 paths (v2/…); {path.Text} is APIv3: pass its body as \"json\".", options.Xml is not null ? "xml" : "security");
        }

        var content = options switch
        {
            { HasJson: true } => Serialize(options),
            { Body: null } => null,
            { Body: string text } => new SignedBody(text),
            { Body: byte[] bytes } => new SignedBody(Utf8(bytes)),
            { Body: MediaUpload media } => new MediaContent(media),
            { Body: HttpContent other } => other,
            _ => throw new ArgumentException("Option \"body\" must be a string, a byte array, a MediaUpload or an HttpContent.", "body"),
        };
        if (content is not null && method == HttpMethod.Get)
        {
            throw new ArgumentException($"A GET request carries no body; pass the fields of GET {path.Text} as option \"query\".", options.HasJson ? "json" : "body");
        }

        return (v3, content);
    }

    /// <summary>The JSON body, its sensitive fields sealed with the platform key their <c>Wechatpay-Serial</c> will name.</summary>
    private SignedBody Serialize(RequestOptions options)
    {
        var named = options.Headers.Find(h => h.Key.Equals("Wechatpay-Serial", StringComparison.OrdinalIgnoreCase)).Value;
        var converter = new LazySensitiveConverter(() => identity.SealingKey(named));
        string text;
        try
        {
            text = Json.Serialize(options.Json, converter);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            // Newtonsoft.Json names the property path, and a dictionary's names are the caller's data.
            throw Describe.HasKeyMaterial(e.Message)
                ? new ArgumentException("Option \"json\" cannot be written as JSON (Newtonsoft.Json's reason is not shown: it names a property that looks like key material).", "json")
                : new ArgumentException($"Option \"json\" cannot be written as JSON: {e.Message}", "json", e);
        }

        return new SignedBody(text) { SealedWith = converter.Serial };
    }

    private (IFlurlClient, HttpContent?) PrepareV2(HttpMethod method, PathTemplate path, string wire, RequestOptions options)
    {
        if (v2 is null)
        {
            throw new InvalidOperationException($"{path.Text} is an APIv2 path, and this instance has no APIv2 key: set Secret in BuilderOptions.");
        }

        if (options.HasJson || options.Body is not null)
        {
            throw new ArgumentException($"{path.Text} is APIv2: pass its fields as option \"xml\", not \"json\" or \"body\".", options.HasJson ? "json" : "body");
        }

        if (V2Rules.NeedsCertificate("/" + wire) && !options.Security)
        {
            throw new ArgumentException($"{path.Text} needs the merchant certificate: pass security = true.", "security");
        }

        var client = options.Security
            ? v2Secure ?? throw new ArgumentException("Option security = true needs the merchant API certificate: set Merchant in BuilderOptions (apiclient_cert.p12 or the PEM pair).", "security")
            : v2;
        if (method == HttpMethod.Get)
        {
            return options.Xml is null ? (client, null) : throw new ArgumentException($"A GET request carries no body; pass the fields of GET {path.Text} as option \"query\".", "xml");
        }

        var fields = Fields.Of(options.Xml)
            .Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value is string or bool or IFormattable or Enum ? Fields.Text(f.Value!, "xml." + f.Key) : Json.Serialize(f.Value)))
            .ToList();
        return (client, new XmlFields(fields));
    }

    private static WeChatPayResponse V2Result(WeChatPayResponse response, HttpResponseMessage message, byte[] body, string path)
    {
        Dictionary<string, string>? fields;
        try
        {
            fields = V2Answer.Fields(message, body, path);
        }
        catch (XmlException e)
        {
            throw new MalformedResponseException(response, e);
        }

        if (fields is null)
        {
            return new WeChatPayResponse(response.Method, response.RequestUri, message, body, isJson: false);
        }

        var data = new JObject();
        foreach (var (name, value) in fields)
        {
            data[name] = value;
        }

        var result = new WeChatPayResponse(response.Method, response.RequestUri, message, body, data);
        return V2Answer.Failed(fields) ? throw WeChatPayResultException.From(result, fields) : result;
    }

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
