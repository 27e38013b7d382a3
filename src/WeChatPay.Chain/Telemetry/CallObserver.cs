using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using WeChatPay.Chain.Transport;

namespace WeChatPay.Chain.Telemetry;

/// <summary>
/// Watches each call of one instance: a client <see cref="Activity"/>, the meter's instruments, and one log entry
/// (method, path template, status, platform code, <c>Request-ID</c>, attempts, duration). It records no body, key,
/// signature or field value, and costs nothing measurable when nobody listens.
/// </summary>
internal sealed partial class CallObserver(ILogger? logger, string mchid, bool logBodies = false)
{
    private static readonly string Version = typeof(CallObserver).Assembly.GetName().Version?.ToString(3) ?? "0";
    internal static readonly ActivitySource Source = new(WeChatPayDiagnostics.Name, Version);
    internal static readonly Meter Meter = new(WeChatPayDiagnostics.Name, Version);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(WeChatPayDiagnostics.CallDuration, "s", "Duration of WeChat Pay calls, verification included.");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(WeChatPayDiagnostics.Calls, description: "WeChat Pay calls.");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(WeChatPayDiagnostics.Failures, description: "WeChat Pay calls that failed.");

    /// <summary>Starts watching a call; <see langword="null"/> when nothing listens.</summary>
    public Watch? Start(HttpMethod method, PathTemplate path)
    {
        var logging = logger?.IsEnabled(LogLevel.Information) is true || KeepsBodies;
        if (!logging && !Source.HasListeners() && !Duration.Enabled && !Calls.Enabled && !Failures.Enabled)
        {
            return null;
        }

        var template = Template(method, path);
        var activity = Source.StartActivity($"{method.Method} {template}", ActivityKind.Client);
        activity?.SetTag("http.request.method", method.Method);
        activity?.SetTag("url.template", template);
        activity?.SetTag("wechatpay.mchid", mchid);
        return new Watch(method.Method, template, activity, Stopwatch.GetTimestamp()) { Path = path.Text };
    }

    /// <summary>Ends the watch of a call that returned <paramref name="response"/>.</summary>
    public void Succeeded(Watch? watch, WeChatPayResponse response, Attempts attempts)
    {
        if (watch is not null)
        {
            End(watch, response.StatusCode, null, response.RequestId, attempts, null);
            LogBodies(watch, response.Body);
        }
    }

    /// <summary>Ends the watch of a download that was streamed whole.</summary>
    public void Succeeded(Watch? watch, int status, Attempts attempts)
    {
        if (watch is not null)
        {
            End(watch, status, null, null, attempts, null);
        }
    }

    /// <summary>Ends the watch of a call that threw <paramref name="error"/>.</summary>
    public void Failed(Watch? watch, Exception error, Attempts attempts)
    {
        if (watch is null)
        {
            return;
        }

        var (status, code, requestId) = error switch
        {
            WeChatPayApiException api => (api.Response?.StatusCode ?? 0, api.Code, api.Response?.RequestId),
            WeChatPayResultException result => (result.Response?.StatusCode ?? 0, result.ErrCode ?? result.ReturnCode, result.Response?.RequestId),
            WeChatPayException other => (other.Response?.StatusCode ?? 0, null, other.Response?.RequestId),
            _ => (0, null, null),
        };
        End(watch, status, code, requestId, attempts, error);
        LogBodies(watch, (error as WeChatPayException)?.Response?.Body);
    }

    private void LogBodies(Watch watch, string? responseBody)
    {
        if (KeepsBodies)
        {
            Bodies(logger!, watch.Method, watch.Template, Redaction.Of(watch.RequestBody, watch.Method, watch.Path), Redaction.Of(responseBody, watch.Method, watch.Path));
        }
    }

    private void End(Watch watch, int status, string? code, string? requestId, Attempts attempts, Exception? error)
    {
        var elapsed = Stopwatch.GetElapsedTime(watch.Started);
        var tried = Math.Max(1, attempts.Count);
        var tags = new TagList
        {
            { "http.request.method", watch.Method },
            { "url.template", watch.Template },
            { "http.response.status_code", status },
            { "wechatpay.code", code ?? string.Empty },
        };
        Duration.Record(elapsed.TotalSeconds, tags);
        Calls.Add(1, tags);
        if (error is not null)
        {
            tags.Add("error.type", error.GetType().Name);
            Failures.Add(1, tags);
        }

        if (watch.Activity is { } activity)
        {
            activity.SetTag("http.response.status_code", status);
            activity.SetTag("wechatpay.code", code);
            activity.SetTag("wechatpay.request_id", requestId);
            activity.SetTag("wechatpay.attempts", tried);
            if (error is not null)
            {
                activity.SetTag("error.type", error.GetType().Name);
                activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            }

            activity.Dispose();
        }

        if (logger is not null)
        {
            // The exception's type only: its message may quote the platform's words about the caller's data.
            if (error is null)
            {
                Answered(logger, watch.Method, watch.Template, status, code ?? "OK", elapsed.TotalMilliseconds, tried, requestId ?? "(none)");
            }
            else
            {
                NotAnswered(logger, watch.Method, watch.Template, status, code ?? error.GetType().Name, elapsed.TotalMilliseconds, tried, requestId ?? "(none)");
            }
        }
    }

    /// <summary>
    /// The operation's template from the catalogue (<c>v3/pay/transactions/id/{transaction_id}</c>) even when the chain
    /// wrote a literal value there; an uncatalogued path keeps the chain's template with any segment of four or more
    /// digits replaced, so order numbers never become span names or metric tags.
    /// </summary>
    internal static string Template(HttpMethod method, PathTemplate path)
    {
        if (Catalogue.Find(method.Method, path.Text) is { } operation)
        {
            return operation.Path;
        }

        var segments = path.Text.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Count(char.IsAsciiDigit) >= 4)
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }

    [LoggerMessage(EventId = 1, EventName = "WeChatPayCall", Level = LogLevel.Information, Message = "WeChat Pay {Method} {Template} answered {Status} {Code} in {ElapsedMs:0.0} ms after {Attempts} attempt(s), Request-ID {RequestId}")]
    private static partial void Answered(ILogger logger, string method, string template, int status, string code, double elapsedMs, int attempts, string requestId);

    [LoggerMessage(EventId = 2, EventName = "WeChatPayCallFailed", Level = LogLevel.Warning, Message = "WeChat Pay {Method} {Template} failed with {Status} {Code} in {ElapsedMs:0.0} ms after {Attempts} attempt(s), Request-ID {RequestId}")]
    private static partial void NotAnswered(ILogger logger, string method, string template, int status, string code, double elapsedMs, int attempts, string requestId);

    [LoggerMessage(EventId = 3, EventName = "WeChatPayCallBodies", Level = LogLevel.Debug, Message = "WeChat Pay {Method} {Template} sent {RequestBody} and was answered {ResponseBody}")]
    private static partial void Bodies(ILogger logger, string method, string template, string requestBody, string responseBody);

    /// <summary>One call being watched.</summary>
    internal sealed record Watch(string Method, string Template, Activity? Activity, long Started)
    {
        /// <summary>The request body as sent, kept only when bodies are logged.</summary>
        public string? RequestBody { get; set; }

        /// <summary>The chain's path, for finding the operation's sensitive fields.</summary>
        public string Path { get; init; } = string.Empty;
    }

    /// <summary>Whether the request body should be kept for the body log.</summary>
    public bool KeepsBodies => logBodies && logger?.IsEnabled(LogLevel.Debug) is true;
}
