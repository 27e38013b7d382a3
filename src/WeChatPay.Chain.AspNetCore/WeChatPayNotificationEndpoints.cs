using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using WeChatPay.Chain;
using WeChatPay.Chain.AspNetCore;

// In the namespace of MapGet and MapHealthChecks, so that app.MapWeChatPayNotifications is found without a using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps notify URLs (回调通知地址): each POST is read raw and bounded, verified and decrypted with the merchant's keys
/// (the <see cref="IChainNode"/> registered in DI), and handed to your handler; the platform is answered the way it
/// expects. A refused notification (forged, altered, stale, unknown serial) is answered 4xx and never reaches the
/// handler; one the handler throws on is answered 500; both are delivered again by the platform later.
/// </summary>
public static class WeChatPayNotificationEndpoints
{
    /// <summary>
    /// POST <paramref name="pattern"/> takes APIv3 notifications for the default merchant: verified, decrypted, handed to
    /// <paramref name="handler"/>, answered 204 once it returns. Refused: 401 (400 if not a notification at all), or
    /// 413 over 1 MiB, with <c>{"code":"FAIL","message":"…"}</c>; 500 in that shape if the handler throws.
    /// </summary>
    /// <param name="endpoints">The application (<c>app</c>) or a route group.</param>
    /// <param name="pattern">The path of your <c>notify_url</c>, e.g. <c>/wechatpay/notify</c>.</param>
    /// <param name="handler">
    /// Acts on a genuine notice. It may come more than once: make it idempotent. The request's services,
    /// <c>RequestAborted</c> and user are on the <see cref="HttpContext"/>.
    /// </param>
    /// <returns>The endpoint, for conventions such as <c>.AllowAnonymous()</c>.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IChainNode"/> is registered.</exception>
    public static IEndpointConventionBuilder MapWeChatPayNotifications(this IEndpointRouteBuilder endpoints, string pattern, Func<Notice, HttpContext, Task> handler) =>
        endpoints.MapWeChatPayNotifications(pattern, new WeChatPayNotificationOptions(), handler);

    /// <summary>
    /// POST <paramref name="pattern"/> takes APIv3 notifications for the merchant <paramref name="options"/> names,
    /// with its body limit; otherwise as <see cref="MapWeChatPayNotifications(IEndpointRouteBuilder, string, Func{Notice, HttpContext, Task})"/>.
    /// </summary>
    /// <param name="endpoints">The application (<c>app</c>) or a route group.</param>
    /// <param name="pattern">The path of your <c>notify_url</c>.</param>
    /// <param name="options">The merchant (a keyed <see cref="IChainNode"/>) and the body limit; copied.</param>
    /// <param name="handler">Acts on a genuine notice; make it idempotent.</param>
    /// <returns>The endpoint, for conventions.</returns>
    /// <exception cref="InvalidOperationException">The merchant is not registered.</exception>
    public static IEndpointConventionBuilder MapWeChatPayNotifications(this IEndpointRouteBuilder endpoints, string pattern, WeChatPayNotificationOptions options, Func<Notice, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, new NotificationEndpoint<Notice>(
            options ?? throw new ArgumentNullException(nameof(options)),
            Answer.ApiV3,
            (wx, request, body) => Notification.ParseAsync(wx, name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, body),
            notice => notice.ToString(),
            handler));
    }

    /// <summary>
    /// As <see cref="MapWeChatPayNotifications(IEndpointRouteBuilder, string, Func{Notice, HttpContext, Task})"/>, with
    /// the decrypted resource read into <typeparamref name="T"/> (<see cref="Notice.As{T}"/>). A resource that does not
    /// read as <typeparamref name="T"/> is answered 500 and logged with the field's path, never its value.
    /// </summary>
    /// <typeparam name="T">Your type for this URL's resource (a transaction, a refund, …).</typeparam>
    /// <param name="endpoints">The application (<c>app</c>) or a route group.</param>
    /// <param name="pattern">The path of your <c>notify_url</c>.</param>
    /// <param name="handler">Acts on the resource; the notice carries the event type and id.</param>
    /// <returns>The endpoint, for conventions.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IChainNode"/> is registered.</exception>
    public static IEndpointConventionBuilder MapWeChatPayNotifications<T>(this IEndpointRouteBuilder endpoints, string pattern, Func<T, Notice, HttpContext, Task> handler) =>
        endpoints.MapWeChatPayNotifications(pattern, new WeChatPayNotificationOptions(), handler);

    /// <summary>
    /// As <see cref="MapWeChatPayNotifications{T}(IEndpointRouteBuilder, string, Func{T, Notice, HttpContext, Task})"/>
    /// for the merchant <paramref name="options"/> names.
    /// </summary>
    /// <typeparam name="T">Your type for this URL's resource.</typeparam>
    /// <param name="endpoints">The application (<c>app</c>) or a route group.</param>
    /// <param name="pattern">The path of your <c>notify_url</c>.</param>
    /// <param name="options">The merchant (a keyed <see cref="IChainNode"/>) and the body limit; copied.</param>
    /// <param name="handler">Acts on the resource; the notice carries the event type and id.</param>
    /// <returns>The endpoint, for conventions.</returns>
    /// <exception cref="InvalidOperationException">The merchant is not registered.</exception>
    public static IEndpointConventionBuilder MapWeChatPayNotifications<T>(this IEndpointRouteBuilder endpoints, string pattern, WeChatPayNotificationOptions options, Func<T, Notice, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapWeChatPayNotifications(pattern, options, (notice, context) => handler(Read<T>(notice), notice, context));
    }

    /// <summary>
    /// POST <paramref name="pattern"/> takes APIv2 refund notifications (退款结果通知) for the default merchant:
    /// <c>req_info</c> decrypted with its APIv2 key (<c>Secret</c>) and its fields handed to <paramref name="handler"/>;
    /// answered <c>&lt;xml&gt;&lt;return_code&gt;SUCCESS&lt;/return_code&gt;…</c>, or <c>FAIL</c> in that shape with
    /// 400/401/413, or 500 if the handler throws.
    /// </summary>
    /// <param name="endpoints">The application (<c>app</c>) or a route group.</param>
    /// <param name="pattern">The path of the refund's <c>notify_url</c>.</param>
    /// <param name="handler">Acts on the decrypted fields (<c>out_refund_no</c>, <c>refund_status</c>, …); make it idempotent.</param>
    /// <returns>The endpoint, for conventions.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IChainNode"/> is registered.</exception>
    public static IEndpointConventionBuilder MapWeChatPayRefundNotifications(this IEndpointRouteBuilder endpoints, string pattern, Func<IReadOnlyDictionary<string, string>, HttpContext, Task> handler) =>
        endpoints.MapWeChatPayRefundNotifications(pattern, new WeChatPayNotificationOptions(), handler);

    /// <summary>
    /// As <see cref="MapWeChatPayRefundNotifications(IEndpointRouteBuilder, string, Func{IReadOnlyDictionary{string, string}, HttpContext, Task})"/>
    /// for the merchant <paramref name="options"/> names.
    /// </summary>
    /// <param name="endpoints">The application (<c>app</c>) or a route group.</param>
    /// <param name="pattern">The path of the refund's <c>notify_url</c>.</param>
    /// <param name="options">The merchant (a keyed <see cref="IChainNode"/>) and the body limit; copied.</param>
    /// <param name="handler">Acts on the decrypted fields; make it idempotent.</param>
    /// <returns>The endpoint, for conventions.</returns>
    /// <exception cref="InvalidOperationException">The merchant is not registered.</exception>
    public static IEndpointConventionBuilder MapWeChatPayRefundNotifications(this IEndpointRouteBuilder endpoints, string pattern, WeChatPayNotificationOptions options, Func<IReadOnlyDictionary<string, string>, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, new NotificationEndpoint<IReadOnlyDictionary<string, string>>(
            options ?? throw new ArgumentNullException(nameof(options)),
            Answer.ApiV2,
            (wx, _, body) => Task.FromResult(Notification.ParseRefund(wx, Encoding.UTF8.GetString(body))),
            _ => "APIv2 refund notification",
            handler));
    }

    private static IEndpointConventionBuilder Map<TNotice>(IEndpointRouteBuilder endpoints, string pattern, NotificationEndpoint<TNotice> endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoint.EnsureRegistered(endpoints.ServiceProvider);
        return endpoints.MapPost(pattern, endpoint.HandleAsync);
    }

    private static T Read<T>(Notice notice)
    {
        try
        {
            return notice.As<T>();
        }
        catch (JsonException e)
        {
            // Newtonsoft's message quotes the offending value, which is decrypted content: keep only where it is.
            var path = (e as JsonSerializationException)?.Path ?? (e as JsonReaderException)?.Path;
            throw new InvalidOperationException($"The notification's resource does not read as {typeof(T).Name}{(string.IsNullOrEmpty(path) ? string.Empty : $" at {path}")}.");
        }
    }
}
