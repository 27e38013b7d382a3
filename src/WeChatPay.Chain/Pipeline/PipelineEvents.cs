using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>Hooks the pipeline into a Flurl client's <c>BeforeCall</c>/<c>AfterCall</c> events.</summary>
internal sealed class PipelineEvents(InterceptorPipeline pipeline) : FlurlEventHandler
{
    public override Task HandleAsync(FlurlEventType eventType, FlurlCall call) => eventType switch
    {
        FlurlEventType.BeforeCall => pipeline.BeforeCallAsync(call),
        FlurlEventType.AfterCall => pipeline.AfterCallAsync(call),
        _ => Task.CompletedTask,
    };

    public override void Handle(FlurlEventType eventType, FlurlCall call) =>
        HandleAsync(eventType, call).GetAwaiter().GetResult();
}
