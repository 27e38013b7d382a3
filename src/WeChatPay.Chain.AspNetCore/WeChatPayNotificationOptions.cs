namespace WeChatPay.Chain.AspNetCore;

/// <summary>How a notification endpoint mapped by <c>MapWeChatPayNotifications</c> reads what the platform POSTs.</summary>
public sealed class WeChatPayNotificationOptions
{
    /// <summary>The default for <see cref="MaxBodySize"/>: 1 MiB, far above any notification the platform sends.</summary>
    public const long DefaultMaxBodySize = 1024 * 1024;

    /// <summary>
    /// The merchant whose keys verify and decrypt: the key of an <see cref="IChainNode"/> registered as a keyed
    /// service (<c>services.AddKeyedSingleton&lt;IChainNode&gt;("shop-a", …)</c>). <see langword="null"/>, the
    /// default, takes the <see cref="IChainNode"/> registered without a key.
    /// </summary>
    public string? Merchant { get; set; }

    /// <summary>
    /// The largest body, in bytes, the endpoint reads. A larger one is answered 413 as soon as its
    /// <c>Content-Length</c> says so, or once this many bytes have come, without reading the rest.
    /// </summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;
}
