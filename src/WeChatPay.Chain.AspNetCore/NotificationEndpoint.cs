using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WeChatPay.Chain.AspNetCore;

/// <summary>
/// One notify URL: reads the body (bounded), verifies and decrypts it with the merchant's keys, hands the result to
/// the handler, and answers the platform. A refused notification never reaches the handler.
/// </summary>
/// <typeparam name="TNotice">What the handler receives: a <see cref="Notice"/>, or an APIv2 refund's fields.</typeparam>
internal sealed class NotificationEndpoint<TNotice>
{
    /// <summary>The category of what every notification endpoint logs.</summary>
    public const string LogCategory = "WeChatPay.Chain.AspNetCore.NotificationEndpoint";

    private readonly string? _merchant;
    private readonly long _maxBodySize;
    private readonly Answer _answer;
    private readonly Func<IChainNode, HttpRequest, byte[], Task<TNotice>> _parse;
    private readonly Func<TNotice, string> _describe;
    private readonly Func<TNotice, HttpContext, Task> _handler;

    /// <param name="options">Copied: changing them after mapping changes nothing.</param>
    /// <param name="answer">How the platform wants to be answered.</param>
    /// <param name="parse">Verifies and decrypts, throwing <see cref="NotificationRejectedException"/>.</param>
    /// <param name="describe">Names a notice in logs: its id and event, never its decrypted content.</param>
    /// <param name="handler">The application's handler.</param>
    public NotificationEndpoint(WeChatPayNotificationOptions options, Answer answer, Func<IChainNode, HttpRequest, byte[], Task<TNotice>> parse, Func<TNotice, string> describe, Func<TNotice, HttpContext, Task> handler)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBodySize, "options.MaxBodySize");
        _merchant = options.Merchant;
        _maxBodySize = options.MaxBodySize;
        _answer = answer;
        _parse = parse;
        _describe = describe;
        _handler = handler;
    }

    /// <summary>Throws now, at mapping, rather than at the first notification, when the merchant is not registered.</summary>
    public void EnsureRegistered(IServiceProvider services)
    {
        var registered = _merchant is null
            ? services.GetService<IServiceProviderIsService>()?.IsService(typeof(IChainNode))
            : services.GetService<IServiceProviderIsKeyedService>()?.IsKeyedService(typeof(IChainNode), _merchant);
        if (registered == false)
        {
            throw new InvalidOperationException(_merchant is null
                ? "No IChainNode is registered for the notification endpoint: register the default merchant (services.AddSingleton<IChainNode>(Builder.Factory(options))), or name one in WeChatPayNotificationOptions.Merchant."
                : $"No IChainNode is registered under the key \"{_merchant}\" that WeChatPayNotificationOptions.Merchant names: register it with services.AddKeyedSingleton<IChainNode>(\"{_merchant}\", …).");
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LogCategory) ?? NullLogger.Instance;
        var request = context.Request;
        var aborted = context.RequestAborted;

        var body = await BoundedBody.ReadAsync(request, _maxBodySize, aborted).ConfigureAwait(false);
        if (body is null)
        {
            Log.TooLarge(logger, request.Path, _maxBodySize);
            await _answer.FailAsync(context.Response, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_maxBodySize} bytes.").ConfigureAwait(false);
            return;
        }

        TNotice notice;
        try
        {
            var wx = _merchant is null ? services.GetRequiredService<IChainNode>() : services.GetRequiredKeyedService<IChainNode>(_merchant);
            notice = await _parse(wx, request, body).ConfigureAwait(false);
        }
        catch (NotificationRejectedException rejected)
        {
            // The reason, not the message: the platform needs to know it failed, a prober need not know how.
            Log.Refused(logger, request.Path, rejected.Reason, rejected.Message);
            await _answer.FailAsync(context.Response, Answer.StatusFor(rejected.Reason), rejected.Reason.ToString()).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The merchant is missing or lacks the keys notifications need: the platform retries once it is fixed.
            Log.Unconfigured(logger, e, request.Path);
            await _answer.FailAsync(context.Response, StatusCodes.Status500InternalServerError, "The notification endpoint is not configured.").ConfigureAwait(false);
            return;
        }

        try
        {
            await _handler(notice, context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            Log.HandlerFailed(logger, e, _describe(notice), request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await _answer.FailAsync(context.Response, StatusCodes.Status500InternalServerError, "The notification was not handled.").ConfigureAwait(false);
            }

            return;
        }

        if (!context.Response.HasStarted)
        {
            await _answer.SucceedAsync(context.Response).ConfigureAwait(false);
        }
    }
}
