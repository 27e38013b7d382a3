using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WeChatPay.Chain.Samples.Notifications;

/// <summary>A minimal-API endpoint for WeChat Pay notifications: copy it into your service.</summary>
public static class NotifyEndpoints
{
    /// <summary>
    /// POST <paramref name="pattern"/>: reads the raw body, verifies and decrypts it with <paramref name="wx"/>'s keys,
    /// hands the notice to <paramref name="handle"/>, and answers 204. A notification that fails a check is answered
    /// 401 with the platform's error shape, so WeChat Pay retries it, and never reaches <paramref name="handle"/>.
    /// </summary>
    public static RouteHandlerBuilder MapWeChatPayNotifications(this IEndpointRouteBuilder routes, string pattern, IChainNode wx, Func<Notice, CancellationToken, Task> handle) =>
        routes.MapPost(pattern, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            // The signature covers the body's exact bytes: read them raw, before any model binding.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            Notice notice;
            try
            {
                notice = await Notification.ParseAsync(wx, name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, buffer.ToArray());
            }
            catch (NotificationRejectedException rejected)
            {
                return Results.Json(new { code = "FAIL", message = rejected.Reason.ToString() }, statusCode: StatusCodes.Status401Unauthorized);
            }

            await handle(notice, cancellationToken);
            return Results.NoContent();
        });
}
