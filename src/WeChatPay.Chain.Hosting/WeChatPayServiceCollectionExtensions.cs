using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using WeChatPay.Chain;
using WeChatPay.Chain.Hosting;
using WeChatPay.Chain.Hosting.Composition;
using WeChatPay.Chain.Hosting.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers WeChat Pay merchants in a service collection.</summary>
public static class WeChatPayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default merchant from <paramref name="configuration"/> (e.g. <c>configuration.GetSection("WeChatPay")</c>):
    /// its chain root as a singleton <see cref="IChainNode"/>, validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The merchant's section, shaped like <see cref="WeChatPayOptions"/>.</param>
    public static WeChatPayBuilder AddWeChatPay(this IServiceCollection services, IConfiguration configuration) =>
        services.AddWeChatPay(Options.Options.DefaultName, configuration);

    /// <summary>
    /// Registers merchant <paramref name="name"/> from <paramref name="configuration"/>: its chain root as the keyed
    /// singleton <see cref="IChainNode"/> <paramref name="name"/> (<c>[FromKeyedServices("shop-a")] IChainNode wx</c>),
    /// validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The merchant's name, the service key.</param>
    /// <param name="configuration">The merchant's section, shaped like <see cref="WeChatPayOptions"/>.</param>
    public static WeChatPayBuilder AddWeChatPay(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection section ? section.Path : "WeChatPay";
        return Add(services, name, path, options => options.Bind(configuration));
    }

    /// <summary>Registers the default merchant configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the merchant's options.</param>
    public static WeChatPayBuilder AddWeChatPay(this IServiceCollection services, Action<WeChatPayOptions> configure) =>
        services.AddWeChatPay(Options.Options.DefaultName, configure);

    /// <summary>Registers merchant <paramref name="name"/> configured in code, as the keyed singleton <see cref="IChainNode"/> <paramref name="name"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The merchant's name, the service key.</param>
    /// <param name="configure">Sets the merchant's options.</param>
    public static WeChatPayBuilder AddWeChatPay(this IServiceCollection services, string name, Action<WeChatPayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, name, name.Length == 0 ? "WeChatPay" : $"WeChatPay[{name}]", options => options.Configure(configure));
    }

    private static WeChatPayBuilder Add(IServiceCollection services, string name, string path, Action<OptionsBuilder<WeChatPayOptions>> bind)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        var options = services.AddOptions<WeChatPayOptions>(name);
        bind(options);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatPayOptions>>(new OptionsValidator(name, path));

        services.TryAddSingleton<Merchants>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ResigningFilter>());
        services.AddKeyedSingleton<IChainNode>(name, (provider, _) => provider.GetRequiredService<Merchants>().Get(name));
        if (name.Length == 0)
        {
            services.AddSingleton(provider => provider.GetRequiredService<Merchants>().Get(name));
        }

        var clients = new List<IHttpClientBuilder>();
        foreach (var kind in ClientNames.Kinds)
        {
            var client = services.AddHttpClient(ClientNames.For(name, kind))
                .ConfigurePrimaryHttpMessageHandler(provider => HttpHandlers.CreatePrimary(provider.GetRequiredService<Merchants>().BuilderOptionsFor(name), kind))
                .SetHandlerLifetime(TimeSpan.FromMinutes(5));
            Retries.Add(client, name);
            clients.Add(client);
        }

        return new WeChatPayBuilder(name, services, clients);
    }
}
