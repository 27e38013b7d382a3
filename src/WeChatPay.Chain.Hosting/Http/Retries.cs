using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace WeChatPay.Chain.Hosting.Http;

/// <summary>
/// The opt-in retry of a merchant's clients, on <c>Microsoft.Extensions.Http.Resilience</c>: transport failures, 429
/// and 5xx, exponential backoff with jitter, <c>Retry-After</c> honoured, the caller's cancellation respected. It
/// sits above the <see cref="ResigningHandler"/>, so every attempt it makes is signed afresh.
/// </summary>
internal static class Retries
{
    public const string PipelineName = "WeChatPay.Retry";

    public static void Add(IHttpClientBuilder client, string merchant) =>
        client.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var retry = context.ServiceProvider.GetRequiredService<IOptionsMonitor<WeChatPayOptions>>().Get(merchant).Retry;
            if (!retry.Enabled || retry.MaxRetryAttempts <= 0)
            {
                return;
            }

            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(Retryable(args.Outcome)),
            });
        });

    /// <summary>A failure in transport (no answer), 429, or any 5xx; never the caller's cancellation.</summary>
    internal static bool Retryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };
}
