using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Hooks the pipeline into a Flurl client's <c>BeforeCall</c>/<c>AfterCall</c> events. Flurl calls both
/// <c>Handle</c> and <c>HandleAsync</c> of a handler, so only the async one does the work.
/// </summary>
internal sealed class PipelineEvents(InterceptorPipeline pipeline) : FlurlEventHandler
{
    public override Task HandleAsync(FlurlEventType eventType, FlurlCall call)
    {
        switch (eventType)
        {
            case FlurlEventType.BeforeCall:
                var context = CallContext.Of(call);
                context.Call = call;

                // Before any step: a retry below Flurl finds the call's attempts even when no built-in signer ran.
                call.HttpRequestMessage.Options.Set(Transport.Attempts.Key, context.Attempts);
                return pipeline.BeforeCallAsync(call);
            case FlurlEventType.AfterCall:
                return pipeline.AfterCallAsync(call);
            default:
                return Task.CompletedTask;
        }
    }
}
