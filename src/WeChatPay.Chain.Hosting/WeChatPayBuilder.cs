using Microsoft.Extensions.DependencyInjection;

namespace WeChatPay.Chain.Hosting;

/// <summary>
/// One merchant registered by <c>AddWeChatPay</c>: add handlers or settings to its HTTP clients here. Whatever you add
/// runs above the library's <see cref="ResigningHandler"/>, so a handler of yours that retries sends every attempt
/// signed afresh.
/// </summary>
public sealed class WeChatPayBuilder
{
    private readonly IReadOnlyList<IHttpClientBuilder> _clients;

    internal WeChatPayBuilder(string name, IServiceCollection services, IReadOnlyList<IHttpClientBuilder> clients)
    {
        Name = name;
        Services = services;
        _clients = clients;
    }

    /// <summary>The merchant's name: the key of its keyed services; empty for the default merchant.</summary>
    public string Name { get; }

    /// <summary>The services it is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Applies <paramref name="configure"/> to each of the merchant's HTTP clients (APIv3, APIv2, APIv2 with the merchant certificate).</summary>
    /// <param name="configure">What to add: <c>http =&gt; http.AddHttpMessageHandler&lt;MyHandler&gt;()</c>.</param>
    public WeChatPayBuilder ConfigureHttpClients(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        foreach (var client in _clients)
        {
            configure(client);
        }

        return this;
    }
}
