using System.Text;
using System.Xml;
using Flurl.Http;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Telemetry;
using WeChatPay.Chain.Transport;

namespace WeChatPay.Chain;

/// <summary>
/// What every chain node of one <see cref="Builder.Factory"/> call shares: the Flurl clients with their pipelines
/// (APIv3; APIv2; APIv2 with the merchant certificate) and the base address. It turns (method, path, options) into
/// one request, sends it, and returns the verified response or raises the platform's error.
/// </summary>
internal sealed class Client(HostPolicy hosts, Identity identity, IFlurlClient? v3, IFlurlClient? v2, IFlurlClient? v2Secure, TimeSpan timeout, long maxResponseBytes, CallObserver observer)
{
    /// <summary>The merchant and the keys that check what the platform sends outside a call (notifications).</summary>
    public Identity Identity => identity;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Task<WeChatPayResponse> SendAsync(HttpMethod method, PathTemplate path, object? options, CancellationToken cancellationToken) =>
        SendAsync(method, path, options, null, cancellationToken);

    /// <summary>
    /// Sends one request and returns its verified answer, read into memory; <c>digest</c> is a digest the answer's
    /// bytes must match (a bill file's hash), when known before the call.
    /// </summary>
    public async Task<WeChatPayResponse> SendAsync(HttpMethod method, PathTemplate path, object? options, (string Algorithm, string Hex)? digest, CancellationToken cancellationToken)
    {
        var attempts = new Attempts();
        var watch = observer.Start(method, path);
        try
        {
            using var exchange = await StartAsync(method, path, options, digest, attempts, watch, cancellationToken).ConfigureAwait(false);
            var response = await exchange.ReadAsync((response, verified) =>
            {
                response.IsVerified = verified;
                return path.IsV2 ? V2Result(response, verified) : response;
            }).ConfigureAwait(false);
            observer.Succeeded(watch, response, attempts);
            return response;
        }
        catch (Exception e)
        {
            observer.Failed(watch, e, attempts);
            throw;
        }
    }

    /// <summary>Streams the file a GET of <paramref name="path"/> answers to <paramref name="destination"/>; returns the bytes written.</summary>
    public async Task<long> DownloadAsync(PathTemplate path, object? options, Stream destination, long maxBytes, (string Algorithm, string Hex)? digest, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var attempts = new Attempts();
        var watch = observer.Start(HttpMethod.Get, path);
        try
        {
            using var exchange = await StartAsync(HttpMethod.Get, path, options, digest, attempts, watch, cancellationToken).ConfigureAwait(false);
            var written = await exchange.CopyToAsync(destination, maxBytes, progress).ConfigureAwait(false);
            observer.Succeeded(watch, 200, attempts);
            return written;
        }
        catch (Exception e)
        {
            observer.Failed(watch, e, attempts);
            throw;
        }
    }

    private Task<Exchange> StartAsync(HttpMethod method, PathTemplate path, object? options, (string, string)? digest, Attempts attempts, CallObserver.Watch? watch, CancellationToken cancellationToken)
    {
        var read = RequestOptions.Read(options, path);
        var wire = path.Expand(read.Placeholders);
        var (flurl, content, certificate) = path.IsV2 ? PrepareV2(method, path, wire, read) : PrepareV3(method, path, read);
        if (watch is not null && observer.KeepsBodies)
        {
            watch.RequestBody = content switch
            {
                SignedBody json => json.Content,
                XmlFields xml => string.Concat(xml.Fields.Select(f => $"<{f.Key}>{f.Value}</{f.Key}>").Prepend("<xml>").Append("</xml>")),
                _ => null,
            };
        }

        if (content is SignedBody { SealedWith: { } serial })
        {
            read.Headers.RemoveAll(h => h.Key.Equals("Wechatpay-Serial", StringComparison.OrdinalIgnoreCase));
            read.Headers.Add(new("Wechatpay-Serial", serial));
        }

        var baseUri = hosts.For(read.BaseUri, certificate);
        return Exchange.StartAsync(flurl, method, Url(baseUri, wire, read.Query, path.Text), content, read.Headers, maxResponseBytes, digest, timeout, new CallTarget(path.Text, baseUri), attempts, cancellationToken);
    }

    private (IFlurlClient, HttpContent?, bool Certificate) PrepareV3(HttpMethod method, PathTemplate path, RequestOptions options)
    {
        if (v3 is null)
        {
            throw new InvalidOperationException($"{path.Text} is an APIv3 path, and this instance has no APIv3 keys: set Serial, PrivateKey and Certs in BuilderOptions.");
        }

        if (options.Xml is not null || options.Security is true)
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

        return (v3, content, false);
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

    private (IFlurlClient, HttpContent?, bool Certificate) PrepareV2(HttpMethod method, PathTemplate path, string wire, RequestOptions options)
    {
        if (v2 is null)
        {
            throw new InvalidOperationException($"{path.Text} is an APIv2 path, and this instance has no APIv2 key: set Secret in BuilderOptions.");
        }

        if (options.HasJson || options.Body is not null)
        {
            throw new ArgumentException($"{path.Text} is APIv2: pass its fields as option \"xml\", not \"json\" or \"body\".", options.HasJson ? "json" : "body");
        }

        var certified = Certified(method, path, wire, options);
        var client = certified ? v2Secure! : v2;
        if (method == HttpMethod.Get)
        {
            return options.Xml is null ? (client, null, certified) : throw new ArgumentException($"A GET request carries no body; pass the fields of GET {path.Text} as option \"query\".", "xml");
        }

        return (client, XmlFields.Of(options.Xml), certified);
    }

    /// <summary>
    /// Whether the call goes with the merchant certificate: when option <c>security</c> is true, and, as if it were,
    /// on every operation that requires the certificate (<see cref="V2Rules.NeedsCertificate"/>); such an operation is
    /// refused before sending when the instance has no certificate or the caller turned it off, as the platform
    /// would refuse it.
    /// </summary>
    private bool Certified(HttpMethod method, PathTemplate path, string wire, RequestOptions options)
    {
        var required = V2Rules.NeedsCertificate(method, path, wire, options.BaseUri ?? hosts.BaseUri);
        if (required && options.Security is false)
        {
            throw new ArgumentException(
                $"{method} {path.Text} requires the merchant certificate (mutual TLS), and option security = false turns it off: leave security out, and the certificate is applied.",
                "security");
        }

        if ((required || options.Security is true) && v2Secure is null)
        {
            throw required
                ? new ArgumentException(
                    $"{method} {path.Text} requires the merchant API certificate (mutual TLS), and this instance has none: set BuilderOptions.Merchant (apiclient_cert.p12 or the PEM pair). Nothing was sent.",
                    nameof(BuilderOptions.Merchant))
                : new ArgumentException("Option security = true needs the merchant API certificate: set Merchant in BuilderOptions (apiclient_cert.p12 or the PEM pair).", "security");
        }

        return required || options.Security is true;
    }

    private static WeChatPayResponse V2Result(WeChatPayResponse response, bool verified)
    {
        Dictionary<string, string>? fields;
        try
        {
            fields = V2Answer.Fields(response.Message, response.BodyBytes, response.RequestUri.AbsolutePath);
        }
        catch (XmlException e)
        {
            throw new MalformedResponseException(response, e);
        }

        if (fields is null)
        {
            return new WeChatPayResponse(response.Method, response.RequestUri, response.Message, response.BodyBytes, isJson: false) { IsVerified = verified };
        }

        var data = new JObject();
        foreach (var (name, value) in fields)
        {
            data[name] = value;
        }

        var result = new WeChatPayResponse(response.Method, response.RequestUri, response.Message, response.BodyBytes, data) { IsVerified = verified };
        return V2Answer.Failed(fields) ? throw WeChatPayResultException.From(result, fields, verified) : result;
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

    /// <summary>The URL to send, refused if System.Uri or Flurl would send another one (see <see cref="WireUrl"/>).</summary>
    private static string Url(Uri baseUri, string path, List<KeyValuePair<string, string>> query, string template)
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

        return WireUrl.Unchanged(url.ToString(), baseUri.GetLeftPart(UriPartial.Authority).Length, template, query.Count > 0);
    }
}
