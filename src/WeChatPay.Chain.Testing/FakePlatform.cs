using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// A fake WeChat Pay platform: a real Kestrel server on 127.0.0.1 that judges each request's signature the way the
/// platform does and serves every operation of the <see cref="Catalogue"/>: the profit-sharing returns and receivers,
/// certificates, bills, statements, media uploads and the APIv2 order query with state; every other operation by
/// checking the request against the catalogue (refused with <c>PARAM_ERROR</c> naming the field, as the platform
/// refuses) and answering from the catalogue's examples, echoing the request's values. It signs every answer the
/// platform signs, injects faults on demand, and logs what it received and decided.
/// <code>
/// await using var platform = await FakePlatform.StartAsync();
/// dynamic wx = Builder.Factory(platform.ClientOptions());
/// </code>
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly FakePlatformOptions _options;
    private readonly SignatureJudge _judge;
    private readonly ResponseSigner _signer;
    private readonly ReturnOrders _returns;
    private readonly Receivers _receivers;
    private readonly Bills _bills = new();
    private readonly V2Judge _v2;
    private readonly List<PlatformRequest> _log = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication _app = null!;

    private FakePlatform(FakePlatformOptions options)
    {
        _options = options;
        Credentials = new Credentials(options);
        Trades = new Trades(options.TimeProvider);
        Notifications = new Notifier(Credentials, () => SigningMode, options.TimeProvider);
        _v2 = new V2Judge(Credentials);
        SigningMode = options.SigningMode;
        _judge = new SignatureJudge(Credentials, options.TimeProvider, options.RejectReplayedNonces);
        _signer = new ResponseSigner(Credentials, options.TimeProvider);
        _returns = new ReturnOrders(ProfitSharing, options.TimeProvider);
        _receivers = new Receivers(Credentials, ProfitSharing);
    }

    /// <summary>
    /// Where the platform listens with TLS: <c>https://127.0.0.1:port/</c>, its certificate issued by
    /// <see cref="Credentials.CertificateAuthority"/>; it asks for the merchant certificate, which <c>secapi/</c>
    /// APIs and the APIv2 operations the catalogue marks (<see cref="ApiOperation.CertificateRequired"/>) require.
    /// <see cref="ClientOptions"/> points here.
    /// </summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The same platform without TLS, <c>http://127.0.0.1:port/</c>, for APIv3 calls from tools that cannot trust a test CA.</summary>
    public Uri HttpBaseUri { get; private set; } = null!;

    /// <summary>Makes the notifications this platform would POST to the merchant, signed in its current mode.</summary>
    public Notifier Notifications { get; }

    /// <summary>The payments that APIv2 <c>/pay/orderquery</c> finds.</summary>
    public Trades Trades { get; }

    /// <summary>The merchant's and the platform's keys.</summary>
    public Credentials Credentials { get; }

    /// <summary>Which key signs answers from now on.</summary>
    public SigningMode SigningMode { get; set; }

    /// <summary>Faults to inject into coming requests.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>The profit-sharing orders and how returns against them end.</summary>
    public ProfitSharingLedger ProfitSharing { get; } = new();

    /// <summary>Every request received so far, in order, with the verdict and the answer's status.</summary>
    public IReadOnlyList<PlatformRequest> Requests
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Starts a platform on a free port of 127.0.0.1 (or <see cref="FakePlatformOptions.Port"/>).</summary>
    /// <param name="options">Keys, signing mode, clock; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<FakePlatform> StartAsync(FakePlatformOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakePlatformOptions();
        var platform = new FakePlatform(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Listen(IPAddress.Loopback, options.SecurePort, listen => listen.UseHttps(https =>
            {
                https.ServerCertificate = platform.Credentials.ServerCertificate;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
            }));
        });
        var app = platform._app = builder.Build();
        app.Run(platform.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses)
        {
            var uri = new Uri(address.EndsWith('/') ? address : address + "/");
            if (uri.Scheme == Uri.UriSchemeHttps)
            {
                platform.BaseUri = uri;
            }
            else
            {
                platform.HttpBaseUri = uri;
            }
        }

        return platform;
    }

    /// <summary>
    /// Client options ready to use against this platform: its merchant id, serial and key, and both verification keys
    /// (the platform certificate and the WeChat Pay public key), so either <see cref="SigningMode"/> verifies.
    /// </summary>
    public BuilderOptions ClientOptions() => Credentials.ClientOptions(BaseUri, _options.TimeProvider);

    /// <summary>Lists a new platform certificate in <c>/v3/certificates</c>, as WeChat Pay does ahead of a switch; answers stay signed with the current one.</summary>
    /// <returns>The new certificate.</returns>
    public X509Certificate2 PublishPlatformCertificate() => Credentials.PublishPlatformCertificate();

    /// <summary>Signs answers in certificate mode with the newest published certificate (publishing one first if none is pending).</summary>
    /// <returns>The certificate now signing.</returns>
    public X509Certificate2 RotatePlatformCertificate()
    {
        if (Credentials.PlatformCertificates[^1] == Credentials.PlatformCertificate)
        {
            Credentials.PublishPlatformCertificate();
        }

        Credentials.SwitchToNewestPlatformCertificate();
        return Credentials.PlatformCertificate;
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var request = new PlatformRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Encoding.UTF8.GetString(body),
            _options.TimeProvider.GetUtcNow())
        {
            ConnectionId = context.Connection.Id,
        };
        lock (_log)
        {
            _log.Add(request);
        }

        var fault = request.Fault = Faults.Take(request);
        switch (fault)
        {
            case Fault.DropConnection:
                // Kestrel's abort resets the connection (RST).
                context.Abort();
                return;
            case Fault.CloseConnection:
                await CloseGracefullyAsync(context).ConfigureAwait(false);
                return;
            case Fault.SlowAnswer:
                await Task.Delay(Faults.SlowAnswerDelay, context.RequestAborted).ConfigureAwait(false);
                break;
        }

        var parts = await MediaUploads.ReadAsync(context.Request.ContentType, body).ConfigureAwait(false);
        var baseUri = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        if (!IsV3(request.Path))
        {
            await WriteV2Async(context, request, AnswerV2(request, parts, baseUri, context.Connection.ClientCertificate, fault), fault).ConfigureAwait(false);
            return;
        }

        object answer;
        try
        {
            try
            {
                // A media upload signs its meta part only; everything else signs the whole body.
                _judge.Judge(request, parts is null ? body : parts.Meta ?? []);
            }
            catch (PlatformError refused)
            {
                request.Rejection = refused.Message;
                throw;
            }

            answer = fault switch
            {
                Fault.ServerError => throw new PlatformError(500, "SYSTEM_ERROR", "系统错误，请使用相同参数稍后重新调用 (retry later with the same parameters)"),
                Fault.TooManyRequests => throw new PlatformError(429, "FREQUENCY_LIMITED", "频率超限，请降低频率后重试 (slow down)"),
                _ => Route(request, parts, baseUri),
            };
            request.Status = answer is Answer { Status: var status } ? status : 200;
        }
        catch (PlatformError error)
        {
            request.Status = error.Status;
            request.ErrorCode = error.Code;
            answer = error.Body();
        }

        if (answer is FileAnswer file)
        {
            await WriteFileAsync(context, file, fault).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, request, answer is Answer generic ? generic.Body : (JToken)answer, fault).ConfigureAwait(false);
    }

    /// <summary>APIv3 paths start with <c>v3/</c>, or with <c>hk/v3/</c> or <c>global/v3/</c> (cross-border); every other path is APIv2.</summary>
    private static bool IsV3(string path) =>
        path.StartsWith("/v3/", StringComparison.Ordinal) || path.StartsWith("/hk/v3/", StringComparison.Ordinal) || path.StartsWith("/global/v3/", StringComparison.Ordinal);

    /// <summary>
    /// FIN without an answer. Kestrel has no graceful close for a request in progress (its abort resets), so the
    /// connection's socket is shut down for sending; the abort that releases the connection waits until the client has
    /// closed its side (or the platform stops), lest it reset a connection the client has not yet seen end.
    /// </summary>
    private async Task CloseGracefullyAsync(HttpContext context)
    {
        context.Features.GetRequiredFeature<IConnectionSocketFeature>().Socket.Shutdown(SocketShutdown.Send);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, closed.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    /// <summary>A file: a bill or another download (unsigned) or a statement (signed over <c>{"sha1":…}</c>, with <c>Wechatpay-Statement-Sha1</c>).</summary>
    private sealed record FileAnswer(byte[] Bytes, bool Statement, string ContentType = "application/octet-stream");

    /// <summary>A JSON answer with its success status (200, 202, or 204 without a body).</summary>
    private sealed record Answer(int Status, JToken? Body);

    private async Task WriteFileAsync(HttpContext context, FileAnswer file, Fault? fault)
    {
        var bytes = file.Bytes;
        var response = context.Response;
        if (file.Statement)
        {
            var sha1 = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(bytes)).ToLowerInvariant();
            var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Wechatpay-Statement-Sha1"] = sha1 };
            _signer.Sign(headers, Encoding.UTF8.GetBytes("{\"sha1\":\"" + sha1 + "\"}"), SigningMode, fault);
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }
        }

        if (fault is Fault.TamperedDownload)
        {
            bytes = [.. bytes];
            bytes[^2] ^= 0x01;
        }

        response.StatusCode = 200;
        response.ContentType = file.ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private object Route(PlatformRequest request, MediaUploads.Parts? parts, Uri baseUri)
    {
        var query = request.Query();
        const string direct = "/v3/profitsharing/return-orders";
        return (request.Method, request.Path) switch
        {
            ("POST", "/v3/ecommerce/profitsharing/returnorders") => _returns.Create(Json(request), ecommerce: true),
            ("GET", "/v3/ecommerce/profitsharing/returnorders") => _returns.Query(
                Need(query, "out_return_no"), Need(query, "sub_mchid"), query.GetValueOrDefault("order_id"), query.GetValueOrDefault("out_order_no"), ecommerce: true),
            ("POST", direct) => _returns.Create(Json(request), ecommerce: false),
            ("POST", var path) when MediaUploads.Paths.Contains(path) => MediaUploads.Upload(path, parts),
            ("POST", "/v3/profitsharing/receivers/add") => _receivers.Add(Json(request), request.Headers.GetValueOrDefault("Wechatpay-Serial")),
            ("GET", "/v3/certificates") => Certificates(query.GetValueOrDefault("algorithm_type")),
            ("GET", "/v3/bill/tradebill" or "/v3/bill/fundflowbill") => _bills.Request(request.Path[9..], query, baseUri),
            ("GET", "/v3/billdownload/file") => new FileAnswer(_bills.File(query), Statement: false),
            ("GET", "/v3/statements" or "/hk/v3/statements" or "/v3/global/statements") => new FileAnswer(Bills.Statement(query), Statement: true),
            ("GET", var path) when path.StartsWith(direct + "/", StringComparison.Ordinal) && path.Count(c => c == '/') == 4 => _returns.Query(
                path[(direct.Length + 1)..], query.GetValueOrDefault("sub_mchid"), null, Need(query, "out_order_no"), ecommerce: false),
            _ => Generic(request, parts, query, baseUri),
        };
    }

    /// <summary>Any other catalogued operation: the request checked against the catalogue, the answer made from its examples.</summary>
    private object Generic(PlatformRequest request, MediaUploads.Parts? parts, Dictionary<string, string> query, Uri baseUri)
    {
        var match = CatalogueRoutes.Find(request, v2: false, baseUri)
            ?? throw new PlatformError(404, "NOT_FOUND", $"{request.Method} {request.Path} 不存在 (this fake platform does not serve it)");
        var echo = RequestValidator.Check(match, request, query, parts, Credentials);
        var operation = match.Operation;
        return operation.ResponseContentType is { } type
            ? new FileAnswer(ExampleAnswer.File(type), Statement: false, type)
            : new Answer(operation.SuccessStatus, operation.SuccessStatus == 204 ? null : ExampleAnswer.Json(operation.Response, echo));
    }

    /// <summary>
    /// An APIv2 answer: a refusal (<c>return_code FAIL</c>, unsigned), a business failure (<c>result_code FAIL</c>
    /// with <c>err_code</c>, signed) or the result, signed with the request's <c>sign_type</c>; unsigned on the paths
    /// whose answers carry no sign (<see cref="V2Judge.Unsigned"/>).
    /// </summary>
    private V2Reply AnswerV2(PlatformRequest request, MediaUploads.Parts? parts, Uri baseUri, X509Certificate2? certificate, Fault? fault)
    {
        var match = CatalogueRoutes.Find(request, v2: true, baseUri);
        Dictionary<string, string> fields;
        try
        {
            fields = _v2.Judge(request, certificate, match?.Operation.CertificateRequired == true, parts?.Fields);
        }
        catch (V2Refusal refused)
        {
            request.Rejection = refused.Message;
            request.Status = fault is Fault.ServerError ? 500 : 200;
            request.ErrorCode = "FAIL";
            return new V2Reply(new Dictionary<string, string>(StringComparer.Ordinal) { ["return_code"] = "FAIL", ["return_msg"] = refused.Message }, null);
        }

        var answer = new Dictionary<string, string>(StringComparer.Ordinal) { ["return_code"] = "SUCCESS", ["return_msg"] = "OK" };
        foreach (var echoed in new[] { "appid", "mch_id", "sub_appid", "sub_mch_id" })
        {
            if (fields.GetValueOrDefault(echoed) is { Length: > 0 } value)
            {
                answer[echoed] = value;
            }
        }

        answer["nonce_str"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var signType = V2Judge.Unsigned.Contains(request.Path) ? null : fields.GetValueOrDefault("sign_type") ?? "MD5";
        if (signType is not (null or "MD5"))
        {
            answer["sign_type"] = signType;
        }

        request.Status = fault is Fault.ServerError ? 500 : 200;
        try
        {
            var result = fault switch
            {
                Fault.ServerError => throw new PlatformError(500, "SYSTEMERROR", "系统错误，请使用相同参数稍后重新调用"),
                Fault.TooManyRequests => throw new PlatformError(200, "FREQUENCY_LIMITED", "频率超限，请降低频率后重试"),
                _ => request.Path switch
                {
                    "/secapi/pay/profitsharingreturn" => _returns.CreateV2(fields),
                    "/pay/orderquery" => Trades.Query(fields),
                    _ when match is not null => GenericV2(match, request, fields, parts),
                    _ => throw new PlatformError(200, "NOT_FOUND", $"{request.Path} 不存在 (this fake platform does not serve it)"),
                },
            };
            if (result is JObject json)
            {
                return new V2Reply(answer, null) { Json = json };
            }

            answer["result_code"] = "SUCCESS";
            foreach (var (name, value) in (Dictionary<string, string>)result)
            {
                answer[name] = value;
            }
        }
        catch (PlatformError error)
        {
            answer["result_code"] = "FAIL";
            answer["err_code"] = error.Code;
            answer["err_code_des"] = error.Message;
            request.ErrorCode = error.Code;
        }

        return new V2Reply(answer, signType);
    }

    /// <summary>
    /// Any other catalogued APIv2 operation: the fields checked against the catalogue, the answer made from its
    /// examples (the XML fields, or the JSON where the catalogue says the answer is JSON).
    /// </summary>
    private static object GenericV2(CatalogueMatch match, PlatformRequest request, Dictionary<string, string> fields, MediaUploads.Parts? parts)
    {
        var echo = RequestValidator.CheckV2(match, fields, request.Query(), parts);
        var operation = match.Operation;
        if (operation.ResponseContentType is not (null or "application/xml"))
        {
            return ExampleAnswer.Json(operation.Response, echo);
        }

        var result = ExampleAnswer.Xml(operation.Response, echo);
        foreach (var own in new[] { "return_code", "return_msg", "result_code", "err_code", "err_code_des", "sign", "sign_type", "nonce_str" })
        {
            result.Remove(own);
        }

        return result;
    }

    /// <summary>An APIv2 answer's fields and the sign type to sign them with (none: unsigned); or a JSON answer, unsigned.</summary>
    private sealed record V2Reply(Dictionary<string, string> Fields, string? SignType)
    {
        public JObject? Json { get; init; }
    }

    private async Task WriteV2Async(HttpContext context, PlatformRequest request, V2Reply answer, Fault? fault)
    {
        if (answer.Json is { } json)
        {
            var text = Encoding.UTF8.GetBytes(json.ToString(Newtonsoft.Json.Formatting.None));
            context.Response.StatusCode = request.Status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = text.Length;
            await context.Response.Body.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (fields, signType) = answer;
        if (signType is not null && fault is not Fault.NoSignatureHeaders)
        {
            var sign = _v2.Sign(fields, signType, fault is Fault.WrongKey ? new string('0', 32) : null);
            fields["sign"] = fault is Fault.BadSignature ? sign[..^1] + (sign[^1] == '0' ? '1' : '0') : sign;
        }

        var xml = new StringBuilder("<xml>");
        foreach (var (name, value) in fields)
        {
            xml.Append('<').Append(name).Append("><![CDATA[").Append(value).Append("]]></").Append(name).Append('>');
        }

        var bytes = Encoding.UTF8.GetBytes(xml.Append("</xml>").ToString());
        context.Response.StatusCode = request.Status;
        context.Response.ContentType = "text/xml; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>/v3/certificates</c>: the unexpired platform certificates of the asked <c>algorithm_type</c> (RSA when not
    /// given, SM2, or ALL), each encrypted with the APIv3 key: RSA ones with AEAD_AES_256_GCM, the SM2 one (国密 mode
    /// only) with AEAD_SM4_GCM. A merchant in public-key mode gets <c>RESOURCE_NOT_EXISTS</c>, as from the real platform.
    /// </summary>
    private JObject Certificates(string? algorithmType)
    {
        if (SigningMode == SigningMode.PublicKey)
        {
            throw PlatformError.NotFound("商户已切换为微信支付公钥模式，无平台证书 (this merchant uses the WeChat Pay public key)");
        }

        if (algorithmType is not (null or "RSA" or "SM2" or "ALL"))
        {
            throw PlatformError.Param($"algorithm_type 取值错误 (RSA, SM2 or ALL)", "algorithm_type");
        }

        var now = _options.TimeProvider.GetUtcNow();
        var data = new JArray();
        if (algorithmType is null or "RSA" or "ALL")
        {
            foreach (var certificate in Credentials.PlatformCertificates.Where(c => c.NotAfter.ToUniversalTime() > now.UtcDateTime))
            {
                data.Add(CertificateEntry(certificate.SerialNumber, certificate.NotBefore, certificate.NotAfter, certificate.ExportCertificatePem(), sm4: false));
            }
        }

        if (algorithmType is "SM2" or "ALL" && Credentials.Sm2PlatformCertificate is { } pem)
        {
            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
            data.Add(CertificateEntry(Credentials.Sm2PlatformSerial!, certificate.NotBefore, certificate.NotAfter, pem, sm4: true));
        }

        return new JObject { ["data"] = data };
    }

    private JObject CertificateEntry(string serial, DateTime notBefore, DateTime notAfter, string pem, bool sm4)
    {
        var nonce = System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789abcdef", 12);
        var (algorithm, ciphertext) = Credentials.SealResource(pem, nonce, "certificate", sm4);
        return new JObject
        {
            ["serial_no"] = serial,
            ["effective_time"] = ReturnOrders.Rfc3339(notBefore.ToUniversalTime()),
            ["expire_time"] = ReturnOrders.Rfc3339(notAfter.ToUniversalTime()),
            ["encrypt_certificate"] = new JObject
            {
                ["algorithm"] = algorithm,
                ["nonce"] = nonce,
                ["associated_data"] = "certificate",
                ["ciphertext"] = ciphertext,
            },
        };
    }

    private static JObject Json(PlatformRequest request)
    {
        try
        {
            return JObject.Parse(request.Body);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            throw PlatformError.Param("请求体不是合法的 JSON 对象 (the body is not a JSON object)");
        }
    }

    private static string Need(Dictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var value) && value.Length > 0 ? value : throw PlatformError.Param($"{name} 为必填参数 (required in the query)", name);

    /// <summary>Writes a signed JSON answer; a 204 has no body, and its signature covers the empty body.</summary>
    private async Task WriteAsync(HttpContext context, PlatformRequest request, JToken? answer, Fault? fault)
    {
        var bytes = answer is null ? [] : Encoding.UTF8.GetBytes(answer.ToString(Newtonsoft.Json.Formatting.None));
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Request-ID"] = Guid.NewGuid().ToString("N").ToUpperInvariant() };
        _signer.Sign(headers, bytes, SigningMode, fault);
        var response = context.Response;
        response.StatusCode = request.Status;
        if (answer is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = bytes.Length;
        }

        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        if (answer is not null)
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
