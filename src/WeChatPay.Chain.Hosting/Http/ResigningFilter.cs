using Microsoft.Extensions.Http;
using WeChatPay.Chain.Hosting.Composition;

namespace WeChatPay.Chain.Hosting.Http;

/// <summary>
/// Puts a <see cref="ResigningHandler"/> innermost in every WeChat Pay client, after everything configured on it (the
/// retry handler, the user's own handlers), so any handler that retries sends each attempt signed afresh.
/// </summary>
internal sealed class ResigningFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name?.StartsWith(ClientNames.Prefix, StringComparison.Ordinal) is true)
        {
            builder.AdditionalHandlers.Add(new ResigningHandler());
        }
    };
}
